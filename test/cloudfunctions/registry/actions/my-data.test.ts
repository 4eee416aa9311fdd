import { fixture } from '../../../support/fixtures';
import { dataOf } from '../../../support/harness';
import { youthScene } from '../youth-scene';

describe('registry.myData (issue 14, R9.2)', () => {
  it('shows the youth everything held about them in one place, masked', async () => {
    const f = await fixture();
    const { youth, unit } = await youthScene(f);
    const data = dataOf(await f.h.call('registry', 'myData', {}, youth));
    expect(data.account).toEqual({ displayName: youth.name, roles: ['青年'] });
    expect(data.record).toEqual(expect.objectContaining({ name: youth.name, unitId: unit._id }));
    expect(data.nominations).toEqual([expect.objectContaining({ status: '待审核', unitName: unit.name })]);
    expect(data.consents).toEqual([expect.objectContaining({ granted: true })]);
    expect(data.mentoring).toEqual([]);
    const text = JSON.stringify(data);
    expect(text).not.toContain(youth.idNumber);
    expect(text).not.toContain(youth.phone);
    const nobody = dataOf(await f.h.call('registry', 'myData', {}, await f.youth(null)));
    expect(nobody).toEqual({ account: null, record: null, nominations: [], consents: [], mentoring: [], messages: 0 });
  });
});
