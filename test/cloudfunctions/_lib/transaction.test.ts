/**
 * Every multi-document write is all-or-nothing (issue 7 §1): for each write
 * action, a fault injected at each of its writes in turn leaves the database
 * exactly as it was, and the retry with the same request id succeeds. This
 * file: the embedded store; transaction-cloudbase.test.ts: the same through
 * the real CloudBase SDK against the fake endpoint.
 */
import { C, type RequestDoc } from '../../../cloudfunctions/_lib/collections';
import { MARKER_TTL_MS } from '../../../cloudfunctions/_lib/idempotency';
import { nominationContract } from '../../../miniprogram/core/contracts/nomination';
import {
  approve,
  embeddedWorld,
  faultAtEveryWrite,
  liNomination,
  must,
  SCENARIOS,
  unitNomination,
} from '../../support/fault-scenarios';
import { NOW } from '../../support/harness';
import { addNominations } from '../../support/nominees';

describe('all-or-nothing writes on the embedded store', () => {
  // 30 s: a scenario replays its call once per write, and the machine may be shared (the import reads a workbook
  // on every replay).
  it.each(SCENARIOS)(
    '%s: a fault at any write leaves nothing; the retry succeeds',
    async (_name, prepare) => {
      await faultAtEveryWrite(embeddedWorld, prepare);
    },
    30_000,
  );

  it('a marker left by a crashed attempt expires, and the retry runs instead of waiting', async () => {
    const w = await embeddedWorld();
    const call = approve(await liNomination(w));
    const key = `nomination.review:dev-unit-admin:req_crashed_00001`;
    // The crashed attempt: its marker stays pending, nothing of its transaction committed.
    await w.deps.store.collection<RequestDoc>(C.requests).insert({
      _id: key,
      state: 'pending',
      owner: 'crashed',
      bodyHash: w.deps.crypto.hash(JSON.stringify(nominationContract.actions.review.input.parse(call.data))),
      createdAt: NOW,
      expiresAt: new Date(NOW.getTime() + MARKER_TTL_MS),
      responseEnc: null,
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
      data: { unitId: 'yuecheng-tech', quota: 1, reason: '测试调整' },
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

describe('what idempotency keeps at rest', () => {
  it('a replayable outcome holding a claim code or a revealed number is stored encrypted, and replays whole', async () => {
    const w = await embeddedWorld();
    const call = unitNomination('王青', 3);
    const first = await w.call(call, 'req_atrest_000001');
    expect(first.ok).toBe(true);
    const { claimCode } = (first as { data: { claimCode: string } }).data;
    const reveal = await w.call(
      {
        fn: 'nomination',
        action: 'reveal',
        data: { nominationId: await liNomination(w), field: 'idNumber', reason: '核对身份信息' },
        openid: 'dev-unit-admin',
      },
      'req_atrest_000002',
    );
    expect(reveal.ok).toBe(true);
    const revealed = (reveal as { data: { value: string } }).data.value;
    const stored = JSON.stringify(await w.deps.store.collection(C.requests).find({}));
    expect(stored).not.toContain(claimCode);
    expect(stored).not.toContain(revealed);
    expect(await w.call(call, 'req_atrest_000001')).toEqual(first);
  });
});

describe('a request id stands for one request', () => {
  it('the same id with a different body is refused, and changes nothing', async () => {
    const w = await embeddedWorld();
    const first = await w.call(unitNomination('王青', 4), 'req_same_id_00001');
    expect(first.ok).toBe(true);
    const before = await w.dump();
    const other = await w.call(unitNomination('李青', 5), 'req_same_id_00001');
    expect(other).toEqual(
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'REQUEST.ID_REUSED' }) }),
    );
    expect(await w.dump()).toEqual(before);
  });

  it('a reveal is never replayed: each call is checked and audited afresh', async () => {
    const w = await embeddedWorld();
    const nominationId = await liNomination(w);
    const reveal = (field: 'idNumber' | 'phone') => ({
      fn: 'nomination',
      action: 'reveal',
      data: { nominationId, field, reason: '核对身份信息' },
      openid: 'dev-unit-admin',
    });
    const id = await w.call(reveal('idNumber'), 'req_reveal_again1');
    const phone = await w.call(reveal('phone'), 'req_reveal_again1');
    expect(id.ok && phone.ok).toBe(true);
    expect((phone as { data: { value: string } }).data.value).toMatch(/^1\d{10}$/);
    expect(await w.deps.store.collection(C.audit).count({ action: 'nomination.reveal' })).toBe(2);
    expect(await w.deps.store.collection(C.requests).count({})).toBe(0);
  });
});
