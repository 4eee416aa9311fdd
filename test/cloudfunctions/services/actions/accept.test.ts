import { codeOf, dataOf } from '../../../support/harness';
import { scene, titlesOf } from '../scene';

describe('services.accept', () => {
  it('the district handler accepts: the youth is told, the deadline becomes the resolution limit', async () => {
    const s = await scene();
    const id = await s.submitHousing();
    const out = dataOf(await s.f.h.call('services', 'accept', { requestId: id }, s.housing));
    expect(out).toMatchObject({
      status: 'accepted',
      statusLabel: '已受理',
      handlerName: '赵书记',
      actions: ['note', 'resolve'],
    });
    const doc = await s.request(id);
    expect(doc.acceptedAt).toEqual(s.f.h.deps.clock());
    expect(doc.dueAt).toEqual(doc.resolveBy);
    expect(doc.nextCheckAt).toEqual(doc.resolveBy);
    expect(await titlesOf(s.f, s.youth)).toEqual(['服务申请已受理']);
    expect(codeOf(await s.f.h.call('services', 'accept', { requestId: id }, s.housing))).toBe('SERVICE.INVALID_STATE');
  });

  it('only a handler of the type where it is held; others do not even see it, and nothing is written', async () => {
    const s = await scene();
    const id = await s.submitHousing();
    const before = await s.f.h.snapshot();
    // An admin over the district reads a housing request but may not act on it.
    expect(codeOf(await s.f.h.call('services', 'accept', { requestId: id }, s.districtAdmin))).toBe(
      'SERVICE.NOT_HANDLER',
    );
    expect(codeOf(await s.f.h.call('services', 'accept', { requestId: id }, s.children))).toBe('SERVICE.NOT_HANDLER');
    // The city's housing handler acts only once the district's request is escalated.
    expect(codeOf(await s.f.h.call('services', 'accept', { requestId: id }, s.city))).toBe('SERVICE.NOT_HANDLER');
    expect(codeOf(await s.f.h.call('services', 'accept', { requestId: id }, s.youth))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await s.f.h.call('services', 'accept', { requestId: 'nope' }, s.housing))).toBe('SERVICE.NOT_FOUND');
    expect(await s.f.h.snapshot()).toEqual(before);
  });
});
