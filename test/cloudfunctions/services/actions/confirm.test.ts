import { codeOf, dataOf } from '../../../support/harness';
import { scene, titlesOf } from '../scene';

describe('services.confirm', () => {
  it('the youth confirms with a rating and a comment; the handler is told; nothing more to do', async () => {
    const s = await scene();
    const id = await s.submitHousing();
    dataOf(await s.f.h.call('services', 'accept', { requestId: id }, s.housing));
    expect(codeOf(await s.f.h.call('services', 'confirm', { requestId: id, rating: 5 }, s.youth))).toBe(
      'SERVICE.INVALID_STATE',
    );
    dataOf(await s.f.h.call('services', 'resolve', { requestId: id, text: '已安排入住人才公寓' }, s.housing));
    expect(codeOf(await s.f.h.call('services', 'confirm', { requestId: id, rating: 6 }, s.youth))).toBe(
      'INPUT.INVALID',
    );
    expect(codeOf(await s.f.h.call('services', 'confirm', { requestId: id, rating: 0 }, s.youth))).toBe(
      'INPUT.INVALID',
    );
    expect(codeOf(await s.f.h.call('services', 'confirm', { requestId: id, rating: 5 }, s.other))).toBe(
      'SERVICE.NOT_FOUND',
    );
    const out = dataOf(
      await s.f.h.call('services', 'confirm', { requestId: id, rating: 5, comment: '办得很快，谢谢' }, s.youth),
    );
    expect(out).toMatchObject({
      status: 'closed',
      statusLabel: '已评价',
      rating: 5,
      ratingComment: '办得很快，谢谢',
      actions: [],
    });
    expect(await titlesOf(s.f, s.housing)).toContain('服务申请已评价');
    expect(codeOf(await s.f.h.call('services', 'confirm', { requestId: id, rating: 4 }, s.youth))).toBe(
      'SERVICE.INVALID_STATE',
    );
  });
});
