import type { ServiceRequestDoc } from '../../../../cloudfunctions/_lib/collections';
import { codeOf, dataOf } from '../../../support/harness';
import { CHILDREN, HOUSING, scene, titlesOf } from '../scene';

describe('services.submit', () => {
  it('a youth requests housing help: owned by the district, deadlines in working days, contents sealed, the handler told', async () => {
    const s = await scene();
    const out = dataOf(
      await s.f.h.call(
        'services',
        'submit',
        { typeId: 'housing', description: '刚来绍兴工作，想申请人才公寓', fields: HOUSING },
        s.youth,
      ),
    );
    expect(out).toMatchObject({
      typeName: '租房置业',
      status: 'submitted',
      statusLabel: '待受理',
      youthName: '张晓青',
      districtName: '越城区',
      summary: '需求：租房 · 意向区域：越城区 · 预算范围：2000–4000元/月',
      description: '刚来绍兴工作，想申请人才公寓',
      levelLabel: '区县团委',
      overdue: false,
      actions: [],
    });
    const doc = await s.request(out.id);
    // NOW is Tuesday 24 November 2026: accept by Wednesday, resolve within 10 working days (8 December).
    expect(doc.acceptBy.toISOString()).toBe('2026-11-25T15:59:59.999Z');
    expect(doc.resolveBy.toISOString()).toBe('2026-12-08T15:59:59.999Z');
    expect(doc).toMatchObject({ ownerOrgId: 'yuecheng', level: 'district', queueKeys: ['housing@yuecheng'] });
    expect(doc.nextCheckAt).toEqual(doc.acceptBy);
    expect(JSON.stringify(doc)).not.toContain('人才公寓');
    expect(await titlesOf(s.f, s.housing)).toEqual(['新的服务申请待受理']);
    expect(await titlesOf(s.f, s.children)).toEqual([]);
  });

  it('a city-owned type belongs to the city whatever the district', async () => {
    const s = await scene();
    dataOf(await s.f.h.call('services', 'consent', { typeId: 'dating', granted: true }, s.youth));
    const out = dataOf(
      await s.f.h.call(
        'services',
        'submit',
        { typeId: 'dating', description: '希望参加青年联谊活动', fields: { way: '联谊活动' } },
        s.youth,
      ),
    );
    expect(await s.request(out.id)).toMatchObject({ ownerOrgId: 'city', level: 'city', queueKeys: ['dating@city'] });
    expect(await titlesOf(s.f, s.city)).toEqual(['新的服务申请待受理']);
  });

  it('a sensitive type needs its own consent first', async () => {
    const s = await scene();
    const input = { typeId: 'children', description: '孩子明年上小学', fields: CHILDREN };
    expect(codeOf(await s.f.h.call('services', 'submit', input, s.youth))).toBe('SERVICE.CONSENT_REQUIRED');
    dataOf(await s.f.h.call('services', 'consent', { typeId: 'children', granted: true }, s.youth));
    expect(codeOf(await s.f.h.call('services', 'submit', input, s.youth))).toBe('OK');
    dataOf(await s.f.h.call('services', 'consent', { typeId: 'children', granted: false }, s.youth));
    expect(codeOf(await s.f.h.call('services', 'submit', input, s.youth))).toBe('SERVICE.CONSENT_REQUIRED');
  });

  it('refuses missing or wrong fields with their paths, an unknown type, and writes nothing', async () => {
    const s = await scene();
    const before = await s.f.h.snapshot();
    const bad = await s.f.h.call(
      'services',
      'submit',
      { typeId: 'housing', description: '想租房子住', fields: { mode: '借住', district: '越城区' } },
      s.youth,
    );
    expect(codeOf(bad)).toBe('INPUT.INVALID');
    expect(!bad.ok && bad.error.details?.issues).toEqual([
      { path: 'fields.mode', code: 'invalid_option' },
      { path: 'fields.budget', code: 'required' },
    ]);
    expect(
      codeOf(
        await s.f.h.call('services', 'submit', { typeId: 'nope', description: '想租房子住', fields: {} }, s.youth),
      ),
    ).toBe('SERVICE.TYPE_UNKNOWN');
    expect(
      codeOf(
        await s.f.h.call('services', 'submit', { typeId: 'housing', description: '短', fields: HOUSING }, s.youth),
      ),
    ).toBe('INPUT.INVALID');
    expect(await s.f.h.snapshot()).toEqual(before);
  });

  it('five a China day per youth, then refused; a cadre or an unbound user cannot submit', async () => {
    const s = await scene();
    for (let i = 0; i < 5; i += 1) await s.submitHousing();
    expect(
      codeOf(
        await s.f.h.call(
          'services',
          'submit',
          { typeId: 'housing', description: '再申请一次', fields: HOUSING },
          s.youth,
        ),
      ),
    ).toBe('SERVICE.DAILY_LIMIT');
    expect(
      codeOf(
        await s.f.h.call(
          'services',
          'submit',
          { typeId: 'housing', description: '再申请一次', fields: HOUSING },
          s.other,
        ),
      ),
    ).toBe('OK');
    s.f.h.setNow(new Date('2026-11-25T09:00:00+08:00'));
    expect(
      codeOf(
        await s.f.h.call(
          'services',
          'submit',
          { typeId: 'housing', description: '第二天申请', fields: HOUSING },
          s.youth,
        ),
      ),
    ).toBe('OK');
    expect(
      codeOf(
        await s.f.h.call(
          'services',
          'submit',
          { typeId: 'housing', description: '第二天申请', fields: HOUSING },
          s.housing,
        ),
      ),
    ).toBe('AUTH.FORBIDDEN');
    const stranger = await s.f.youth(null);
    expect(
      codeOf(
        await s.f.h.call(
          'services',
          'submit',
          { typeId: 'housing', description: '第二天申请', fields: HOUSING },
          stranger,
        ),
      ),
    ).toBe('AUTH.FORBIDDEN');
    expect(
      await s.f.h.deps.store.collection<ServiceRequestDoc>('serviceRequests').count({ youthOpenid: s.youth.openid }),
    ).toBe(6);
  });

  it('attachments must be the caller’s own uploads', async () => {
    const s = await scene();
    const res = await s.f.h.call(
      'services',
      'submit',
      {
        typeId: 'housing',
        description: '附上租房合同',
        fields: HOUSING,
        attachments: ['cloud://env/uploads/other/x.jpg'],
      },
      s.youth,
    );
    expect(codeOf(res)).toBe('FILE.INVALID');
  });

  it('a type without handlers where it belongs tells the admins there instead', async () => {
    const s = await scene();
    const out = dataOf(
      await s.f.h.call(
        'services',
        'submit',
        { typeId: 'skills', description: '想考数字技能证书', fields: { track: '数字技能' } },
        s.youth,
      ),
    );
    expect(out.status).toBe('submitted');
    expect(await titlesOf(s.f, s.districtAdmin)).toEqual(['新的服务申请待受理']);
  });
});
