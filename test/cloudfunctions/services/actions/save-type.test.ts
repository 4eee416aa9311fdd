import { codeOf, dataOf, type InputFor } from '../../../support/harness';
import { scene } from '../scene';

const LEGAL: InputFor<'services', 'saveType'> = {
  id: 'legal',
  name: '法律援助',
  description: '劳动合同、租赁纠纷等法律咨询',
  owner: 'district',
  limitDays: 5,
  sensitive: false,
  fields: [{ key: 'topic', label: '问题类别', kind: 'choice', options: ['劳动', '租赁', '其他'], required: true }],
  active: true,
  order: 7,
};

describe('services.saveType', () => {
  it('the city adds a type, youths can request it; changing a default type keeps its handlers', async () => {
    const s = await scene();
    dataOf(await s.f.h.call('services', 'saveType', LEGAL, s.city));
    const cat = dataOf(await s.f.h.call('services', 'catalogue', {}, s.youth));
    expect(cat.map((t) => t.id)).toContain('legal');
    const req = await s.f.h.call(
      'services',
      'submit',
      { typeId: 'legal', description: '公司拖欠工资怎么办', fields: { topic: '劳动' } },
      s.youth,
    );
    expect(codeOf(req)).toBe('OK');
    const housing = dataOf(await s.f.h.call('services', 'types', {}, s.city)).find((t) => t.id === 'housing')!;
    const { id, name, description, owner, sensitive, fields, active, order } = housing;
    const changed = dataOf(
      await s.f.h.call(
        'services',
        'saveType',
        { id, name, description, owner, sensitive, fields, active, order, limitDays: 8 },
        s.city,
      ),
    );
    expect(changed.limitDays).toBe(8);
    expect(changed.handlers.map((h) => h.name)).toEqual(['赵书记', '周部长']);
  });

  it('a type switched off is no longer offered nor accepted', async () => {
    const s = await scene();
    dataOf(await s.f.h.call('services', 'saveType', { ...LEGAL, active: false }, s.city));
    expect(dataOf(await s.f.h.call('services', 'catalogue', {}, s.youth)).map((t) => t.id)).not.toContain('legal');
    expect(
      codeOf(
        await s.f.h.call(
          'services',
          'submit',
          { typeId: 'legal', description: '公司拖欠工资', fields: { topic: '劳动' } },
          s.youth,
        ),
      ),
    ).toBe('SERVICE.TYPE_UNKNOWN');
  });

  it('only the city', async () => {
    const s = await scene();
    expect(codeOf(await s.f.h.call('services', 'saveType', LEGAL, s.districtAdmin))).toBe('AUTH.FORBIDDEN');
  });
});
