import { codeOf, dataOf } from '../../../support/harness';
import { scene, titlesOf } from '../scene';

describe('services.note', () => {
  it('status notes put the request in progress; the youth reads each in the timeline and is told', async () => {
    const s = await scene();
    const id = await s.submitHousing();
    expect(codeOf(await s.f.h.call('services', 'note', { requestId: id, text: '已联系人才公寓' }, s.housing))).toBe(
      'SERVICE.INVALID_STATE',
    );
    dataOf(await s.f.h.call('services', 'accept', { requestId: id }, s.housing));
    dataOf(await s.f.h.call('services', 'note', { requestId: id, text: '已联系人才公寓运营方' }, s.housing));
    const out = dataOf(await s.f.h.call('services', 'note', { requestId: id, text: '下周三可看房' }, s.housing));
    expect(out.status).toBe('in_progress');
    const mine = dataOf(await s.f.h.call('services', 'get', { requestId: id }, s.youth));
    expect(mine.timeline.map((t) => t.comment)).toEqual([null, null, '已联系人才公寓运营方', '下周三可看房']);
    // The youth reads the League's answer, not the cadre's account name.
    expect(mine.timeline[2].actorName).toBe('');
    expect((await titlesOf(s.f, s.youth)).filter((t) => t === '服务办理进展')).toHaveLength(2);
    expect(codeOf(await s.f.h.call('services', 'note', { requestId: id, text: '无' }, s.housing))).toBe(
      'INPUT.INVALID',
    );
    expect(codeOf(await s.f.h.call('services', 'note', { requestId: id, text: '我来补充说明' }, s.youth))).toBe(
      'AUTH.FORBIDDEN',
    );
  });
});
