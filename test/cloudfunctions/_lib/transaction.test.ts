/**
 * Every multi-document write is all-or-nothing (issue 7 §1): for each write
 * action, a fault injected at each of its writes in turn leaves the database
 * exactly as it was, and the retry with the same request id succeeds. This
 * file: the embedded store; transaction-cloudbase.test.ts: the same through
 * the real CloudBase SDK against the fake endpoint.
 */
import { C, type RequestDoc } from '../../../cloudfunctions/_lib/collections';
import { MARKER_TTL_MS } from '../../../cloudfunctions/_lib/idempotency';
import {
  approve,
  embeddedWorld,
  faultAtEveryWrite,
  liNomination,
  must,
  SCENARIOS,
} from '../../support/fault-scenarios';
import { NOW } from '../../support/harness';
import { addNominations } from '../../support/nominees';

describe('all-or-nothing writes on the embedded store', () => {
  it.each(SCENARIOS)('%s: a fault at any write leaves nothing; the retry succeeds', async (_name, prepare) => {
    await faultAtEveryWrite(embeddedWorld, prepare);
  });

  it('a marker left by a crashed attempt expires, and the retry runs instead of waiting', async () => {
    const w = await embeddedWorld();
    const call = approve(await liNomination(w));
    const key = `nomination.review:dev-unit-admin:req_crashed_00001`;
    // The crashed attempt: its marker stays pending, nothing of its transaction committed.
    await w.deps.store.collection<RequestDoc>(C.requests).insert({
      _id: key,
      state: 'pending',
      owner: 'crashed',
      createdAt: NOW,
      expiresAt: new Date(NOW.getTime() + MARKER_TTL_MS),
      response: null,
    });
    w.setNow(new Date(NOW.getTime() + MARKER_TTL_MS + 1000));
    const retried = await w.call(call, 'req_crashed_00001');
    expect(retried).toEqual(expect.objectContaining({ ok: true }));
    expect(await w.deps.store.collection<RequestDoc>(C.requests).get(key)).toEqual(
      expect.objectContaining({ state: 'done', owner: expect.not.stringMatching(/^crashed$/) }),
    );
    // The same id again replays the outcome rather than approving twice.
    expect(await w.call(call, 'req_crashed_00001')).toEqual(retried);
  });

  it('a business refusal inside the transaction rolls back what the handler already wrote', async () => {
    const w = await embeddedWorld();
    const ids = await addNominations(w.deps, 'yuecheng-tech', 1);
    // Eligibility is checked after the filing lock and the confirmation, before the quota place; a refusal at the
    // last requirement (quota) after nothing else changed proves the same as one after a write: nothing stays.
    await must(w, {
      fn: 'admin',
      action: 'setQuota',
      data: { unitId: 'yuecheng-tech', quota: 1, reason: '测试' },
      openid: 'dev-city-admin',
    });
    await must(w, approve(await liNomination(w)));
    const before = await w.dump();
    const refused = await w.call(approve(ids[0]), 'req_refused_00001');
    expect(refused).toEqual(
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'QUOTA.EXCEEDED' }) }),
    );
    expect(await w.dump()).toEqual(before);
  });
});
