import { codeOf, dataOf } from '../../../support/harness';
import { scene } from '../scene';

describe('services.setHandlers', () => {
  it('a district admin names handlers for their own district; handlers must be admins there', async () => {
    const s = await scene();
    const out = dataOf(
      await s.f.h.call(
        'services',
        'setHandlers',
        { typeId: 'skills', orgId: 'yuecheng', openids: [s.districtAdmin.openid] },
        s.districtAdmin,
      ),
    );
    expect(out.handlers).toEqual([
      { orgId: 'yuecheng', orgName: '越城区', openid: s.districtAdmin.openid, name: '孙副书记' },
    ]);
    const keqiao = await s.f.district('keqiao');
    const other = await s.f.admin('districtAdmin', keqiao);
    expect(
      codeOf(
        await s.f.h.call(
          'services',
          'setHandlers',
          { typeId: 'skills', orgId: 'yuecheng', openids: [other.openid] },
          s.districtAdmin,
        ),
      ),
    ).toBe('SERVICE.HANDLER_INVALID');
    expect(
      codeOf(
        await s.f.h.call(
          'services',
          'setHandlers',
          { typeId: 'skills', orgId: 'keqiao', openids: [] },
          s.districtAdmin,
        ),
      ),
    ).toBe('AUTH.OUT_OF_SCOPE');
    expect(
      codeOf(
        await s.f.h.call(
          'services',
          'setHandlers',
          { typeId: 'skills', orgId: 'yuecheng', openids: [s.youth.openid] },
          s.city,
        ),
      ),
    ).toBe('SERVICE.HANDLER_INVALID');
    expect(
      codeOf(await s.f.h.call('services', 'setHandlers', { typeId: 'nope', orgId: 'yuecheng', openids: [] }, s.city)),
    ).toBe('SERVICE.TYPE_UNKNOWN');
    expect(
      codeOf(await s.f.h.call('services', 'setHandlers', { typeId: 'skills', orgId: 'nowhere', openids: [] }, s.city)),
    ).toBe('ORG.NOT_FOUND');
  });

  it('a handler taken off no longer sees or moves the requests', async () => {
    const s = await scene();
    const id = await s.submitHousing();
    dataOf(
      await s.f.h.call(
        'services',
        'setHandlers',
        { typeId: 'housing', orgId: 'yuecheng', openids: [s.districtAdmin.openid] },
        s.city,
      ),
    );
    expect(dataOf(await s.f.h.call('services', 'queue', {}, s.housing)).total).toBe(0);
    expect(codeOf(await s.f.h.call('services', 'accept', { requestId: id }, s.housing))).toBe('SERVICE.NOT_HANDLER');
    expect(codeOf(await s.f.h.call('services', 'accept', { requestId: id }, s.districtAdmin))).toBe('OK');
  });
});
