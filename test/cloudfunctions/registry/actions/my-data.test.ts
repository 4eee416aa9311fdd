import { fixture } from '../../../support/fixtures';
import { dataOf, TIMER } from '../../../support/harness';
import { C, type AuditDoc } from '../../../../cloudfunctions/_lib/collections';
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

describe('asking for erasure from 我的数据 (issue 14, R9.2)', () => {
  it('the consent withdrawal queues the database record too, and the erasure timer deletes it with its key', async () => {
    const f = await fixture();
    const { youth } = await youthScene(f);
    const record = dataOf(await f.h.call('registry', 'myRecord', {}, youth)).record;
    dataOf(await f.h.call('account', 'withdrawConsent', {}, youth));
    dataOf(await f.h.call('cron', 'purgeWithdrawn', {}, TIMER));
    const store = f.h.deps.store;
    expect(await store.collection(C.youths).get(record?.id ?? '')).toBeNull();
    expect(await store.collection(C.youthKeys).find({})).toHaveLength(1); // the other person on the list
    expect(dataOf(await f.h.call('registry', 'myRecord', {}, youth)).record).toBeNull();
    const audit = await store.collection<AuditDoc>(C.audit).find({ target: `youths/${record?.id}` });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['cron.purgeWithdrawn']));
  });
});
