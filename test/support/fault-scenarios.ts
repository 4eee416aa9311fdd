/**
 * Worlds and scenarios of the fault-injection suite (test/cloudfunctions/_lib/transaction*.test.ts):
 * the demo data on the embedded store or on the fake CloudBase endpoint, every
 * write action with what it needs prepared, and the check itself.
 */
import { DEV_TEMPLATE_IDS } from '../../cloudfunctions/_lib/wechat';
import { C, type NominationDoc, type QuotaDoc } from '../../cloudfunctions/_lib/collections';
import type { ServerDeps } from '../../cloudfunctions/_lib/deps';
import { randomId } from '../../cloudfunctions/_lib/ids';
import { uploadPrefix } from '../../cloudfunctions/_lib/uploads';
import { renderRows } from '../../cloudfunctions/registry/src/workbook';
import type { Doc } from '../../cloudfunctions/_lib/store/port';
import type { Envelope } from '../../miniprogram/core/contracts/define';
import { PERSONAL_INFO_CONSENT_VERSION } from '../../miniprogram/core/profile';
import { createLocalDeps } from '../../scripts/local/deps';
import { FUNCTIONS } from '../../scripts/local/functions';
import { demoForm, demoIdNumber, seedDemo } from '../../scripts/local/seed';
import { type FakeTcbServer } from './fake-tcb-server';
import { faultyStore, type Faults } from './faulty-store';
import { NOW } from './harness';
import { cloudbaseDeps } from './cloudbase-deps';

type Dump = Record<string, Doc[]>;

export interface World {
  deps: ServerDeps;
  faults: Faults;
  setNow(now: Date): void;
  call(c: Call, requestId?: string): Promise<Envelope<unknown>>;
  dump(): Promise<Dump>;
}

export interface Call {
  fn: string;
  action: string;
  data: unknown;
  openid: string | null;
  /** A timer trigger (cron), which carries no user. */
  system?: boolean;
}

const NAMES = Object.values(C);

/** A deep copy that keeps Dates as Dates (structuredClone would build them in another realm under jest). */
function clone<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map(clone) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)])) as T;
  }
  return value;
}

const byId = (a: Doc, b: Doc) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);

/** The demo data, seeded once and copied into every world. */
let template: Dump;
async function seeded(): Promise<Dump> {
  if (template) return template;
  const deps = createLocalDeps({ clock: () => NOW });
  await seedDemo(deps, NOW);
  template = {};
  for (const name of NAMES) template[name] = (await deps.store.collection(name).find({})).sort(byId);
  return template;
}

function worldOf(base: ServerDeps, dump: () => Promise<Dump>, clock: { now: Date }): World {
  const faults: Faults = { writes: 0, failAt: new Set() };
  const deps: ServerDeps = { ...base, store: faultyStore(base.store, faults), clock: () => clock.now };
  return {
    deps,
    faults,
    setNow: (now) => {
      clock.now = now;
    },
    call: (c, requestId) =>
      FUNCTIONS[c.fn].handle(
        { action: c.action, data: c.data, requestId },
        { openid: c.openid, system: c.system },
        deps,
      ),
    dump,
  };
}

export async function embeddedWorld(): Promise<World> {
  const clock = { now: NOW };
  const base = createLocalDeps({ clock: () => clock.now });
  const data = await seeded();
  for (const name of NAMES) for (const doc of data[name]) await base.store.collection(name).insert(clone(doc));
  const dump = async () => {
    const out: Dump = {};
    for (const name of NAMES) out[name] = (await base.store.collection(name).find({})).sort(byId);
    return out;
  };
  return worldOf(base, dump, clock);
}

export async function cloudbaseWorld(fake: FakeTcbServer): Promise<World> {
  fake.reset();
  const data = await seeded();
  for (const name of NAMES)
    fake.data.set(name, new Map(data[name].map((d) => [d._id, clone(d) as Doc & Record<string, unknown>])));
  const clock = { now: NOW };
  const base: ServerDeps = cloudbaseDeps(fake, () => clock.now);
  const dump = async () => {
    const out: Dump = {};
    for (const name of NAMES) out[name] = clone([...(fake.data.get(name)?.values() ?? [])]).sort(byId);
    return out;
  };
  return worldOf(base, dump, clock);
}

/* ---------------------------------------------------------------- scenarios */

export const must = async (w: World, c: Call): Promise<Record<string, unknown>> => {
  const res = await w.call(c);
  if (!res.ok) throw new Error(`${c.fn}.${c.action} failed in preparation: ${res.error.code}`);
  return res.data as Record<string, unknown>;
};

export const liNomination = async (w: World): Promise<string> => {
  const doc = await w.deps.store.collection<NominationDoc>(C.nominations).findOne({ youthOpenid: 'dev-youth-li' });
  if (!doc) throw new Error('seed has no nomination for 李明');
  return doc._id;
};

export const approve = (nominationId: string): Call => ({
  fn: 'nomination',
  action: 'review',
  data: { nominationId, decision: 'approve', confirm: { onStaff: true, attestations: true } },
  openid: 'dev-unit-admin',
});

const consent = (openid: string): Call => ({
  fn: 'account',
  action: 'recordConsent',
  data: { purpose: 'personal_info', version: PERSONAL_INFO_CONSENT_VERSION, granted: true },
  openid,
});

export const unitNomination = (name: string, seq: number): Call => ({
  fn: 'nomination',
  action: 'nominateByUnit',
  data: {
    unitId: 'yuecheng-tech',
    form: demoForm({ name, idNumber: demoIdNumber('330602', '1996-05-20', seq), phone: '13900002222', post: '技术员' }),
    consentObtained: true,
  },
  openid: 'dev-unit-admin',
});

export const SCENARIOS: Array<[string, (w: World) => Promise<Call>]> = [
  [
    'approval within the quota (quota counter, nomination, audit, outbox)',
    async (w) => {
      // A quota of one, as in the audit's report: a half-done approval used to leave it 1/1 for good.
      await must(w, {
        fn: 'admin',
        action: 'setQuota',
        data: { unitId: 'yuecheng-tech', quota: 1, reason: '测试调整' },
        openid: 'dev-city-admin',
      });
      return approve(await liNomination(w));
    },
  ],
  [
    'batch approval of two (two nominations, the quota counter, audit, outbox)',
    async (w) => {
      await must(w, {
        fn: 'admin',
        action: 'setQuota',
        data: { unitId: 'yuecheng-tech', quota: 5, reason: '测试调整' },
        openid: 'dev-city-admin',
      });
      const li = await liNomination(w);
      const other = (await must(w, unitNomination('钱批量', 41))) as { nomination: { id: string } };
      return {
        fn: 'nomination',
        action: 'reviewBatch',
        data: { nominationIds: [li, other.nomination.id], confirm: { onStaff: true, attestations: true } },
        openid: 'dev-unit-admin',
      };
    },
  ],
  [
    'return for changes',
    async (w) => ({
      fn: 'nomination',
      action: 'review',
      data: { nominationId: await liNomination(w), decision: 'return', comment: '请补充事迹材料' },
      openid: 'dev-unit-admin',
    }),
  ],
  [
    'withdrawal of an approved nomination (nomination, quota place back, audit, outbox)',
    async (w) => {
      const id = await liNomination(w);
      await must(w, approve(id));
      return { fn: 'nomination', action: 'withdraw', data: { nominationId: id }, openid: 'dev-youth-li' };
    },
  ],
  [
    'self-nomination (nomination, draft removed, audit, outbox)',
    async (w) => {
      await must(w, consent('dev-youth-zhang'));
      const form = demoForm({
        name: '张晓青',
        idNumber: demoIdNumber('330602', '1996-05-20', 7),
        phone: '13800001111',
        post: '工程师',
      });
      return { fn: 'nomination', action: 'submitSelf', data: form, openid: 'dev-youth-zhang' };
    },
  ],
  ['organisational recommendation with its one-time claim code', async () => unitNomination('王青', 2)],
  [
    'claiming a unit-entered record (nomination, account, audit)',
    async (w) => {
      const { claimCode } = await must(w, unitNomination('王青', 2));
      await must(w, consent('wang-phone'));
      return {
        fn: 'nomination',
        action: 'claim',
        data: { claimCode, idNumber: demoIdNumber('330602', '1996-05-20', 2) },
        openid: 'wang-phone',
      };
    },
  ],
  [
    'redeeming an invitation (invite, account, audit)',
    async (w) => {
      const { code } = await must(w, {
        fn: 'account',
        action: 'issueInvite',
        data: { role: 'districtAdmin', orgId: 'zhuji' },
        openid: 'dev-city-admin',
      });
      return { fn: 'account', action: 'redeemInvite', data: { code, displayName: '钱书记' }, openid: 'zhuji-cadre' };
    },
  ],
  [
    'revoking a unit admin’s role (account, audit, outbox)',
    async () => ({
      fn: 'account',
      action: 'revokeRole',
      data: { openid: 'dev-unit-admin', role: 'unitAdmin', orgId: 'yuecheng-tech', reason: '已调离岗位' },
      openid: 'dev-district-admin',
    }),
  ],
  [
    'cancelling an unused invitation (invite deleted, audit)',
    async (w) => {
      await must(w, {
        fn: 'account',
        action: 'issueInvite',
        data: { role: 'unitAdmin', orgId: 'yuecheng-tech' },
        openid: 'dev-district-admin',
      });
      const { invites } = (await must(w, {
        fn: 'account',
        action: 'roleHolders',
        data: { orgId: 'yuecheng-tech' },
        openid: 'dev-district-admin',
      })) as { invites: Array<{ id: string }> };
      return {
        fn: 'account',
        action: 'cancelInvite',
        data: { inviteId: invites[0].id, reason: '发错单位' },
        openid: 'dev-district-admin',
      };
    },
  ],
  [
    'an objection to the public notice (objection, two limit counters, outbox)',
    async (w) => {
      const id = await liNomination(w);
      await must(w, approve(id));
      return {
        fn: 'notice',
        action: 'object',
        data: { nominationId: id, content: '该同志并非本单位在编人员。' },
        openid: 'citizen',
      };
    },
  ],
  [
    'an upheld objection (objection, limit, nomination, quota place back, audit)',
    async (w) => {
      const id = await liNomination(w);
      await must(w, approve(id));
      const { objectionId } = await must(w, {
        fn: 'notice',
        action: 'object',
        data: { nominationId: id, content: '该同志并非本单位在编人员。' },
        openid: 'citizen',
      });
      return {
        fn: 'admin',
        action: 'resolveObjection',
        data: { objectionId, disposition: 'upheld', note: '经核实情况属实' },
        openid: 'dev-unit-admin',
      };
    },
  ],
  [
    'filing a district list (filing lock, audit, outbox)',
    async (w) => {
      await must(w, approve(await liNomination(w)));
      return {
        fn: 'admin',
        action: 'file',
        data: { filingId: '2027:district:yuecheng' },
        openid: 'dev-district-admin',
      };
    },
  ],
  [
    'a quota raised by the district (counter, audit)',
    async () => ({
      fn: 'admin',
      action: 'setQuota',
      data: { unitId: 'yuecheng-tech', quota: 4, reason: '企业青年骨干多' },
      openid: 'dev-district-admin',
    }),
  ],
  [
    'reopening a filed list (filing, audit, outbox)',
    async (w) => {
      await must(w, approve(await liNomination(w)));
      await must(w, {
        fn: 'admin',
        action: 'file',
        data: { filingId: '2027:district:yuecheng' },
        openid: 'dev-district-admin',
      });
      return {
        fn: 'admin',
        action: 'reopen',
        data: { filingId: '2027:district:yuecheng', reason: '补报一名' },
        openid: 'dev-city-admin',
      };
    },
  ],
  [
    'one-tap reminders to the late (outbox entries, audit)',
    async () => ({ fn: 'admin', action: 'remindLate', data: {}, openid: 'dev-district-admin' }),
  ],
  [
    'binding a new youth to a unit (account, audit)',
    async () => ({
      fn: 'account',
      action: 'bindUnit',
      data: { unitId: 'keqiao-tech', displayName: '新青年' },
      openid: 'dev-youth-new',
    }),
  ],
  [
    'saving a draft (draft, audit)',
    async () => ({
      fn: 'nomination',
      action: 'saveDraft',
      data: { fields: { post: '工程师' } },
      openid: 'dev-youth-zhang',
    }),
  ],
  // The erasure timer is not one transaction but one per record (`steps`): its crash-and-resume property is
  // proven in test/cloudfunctions/cron/actions/purge.test.ts (a fault mid-run keeps what was erased, the next
  // run erases only the rest), and each record's erasure is all-or-nothing there.
  [
    'the timer removing spent request markers and limit counters',
    async (w) => {
      const id = await liNomination(w);
      await must(w, approve(id));
      await must(w, {
        fn: 'notice',
        action: 'object',
        data: { nominationId: id, content: '该同志并非本单位在编人员，请核实。' },
        openid: 'citizen',
      });
      w.setNow(new Date(NOW.getTime() + 3 * 86_400_000));
      return { fn: 'cron', action: 'purgeSpent', data: {}, openid: null, system: true };
    },
  ],
  [
    'a batch matching run (the earlier draft discarded, new drafts, audit)',
    async (w) => {
      const id = await liNomination(w);
      await must(w, approve(id));
      await must(w, mentoring('propose', { nominationId: id, mentorId: 'demo-mentor-liu' }));
      return mentoring('batchMatch', {});
    },
  ],
  ['publishing a match (the mentor’s place, the youth, the match, audit, outbox to both)', async (w) => publish(w)],
  [
    'a youth declining a published match (place and youth given back, the mentor told)',
    async (w) => {
      const matchId = await published(w);
      return { ...mentoring('decline', { matchId, reason: '希望结对本行业导师' }), openid: 'dev-youth-li' };
    },
  ],
  [
    'importing units and head-counts (new units, a changed head-count, its quota recalculated, audit)',
    async (w) => {
      await must(w, approve(await liNomination(w))); // 越城区智造科技 has a counter with one place taken
      const rows = [
        ['越城区智造科技有限公司', '两新组织', '区县单位', '越城区', '', '10'],
        ['越城区故障测试公司', '两新组织', '区县单位', '越城区', '', '45'],
      ];
      const path = `${uploadPrefix(w.deps, 'dev-city-admin')}/${randomId()}.xlsx`;
      const { fileId } = await w.deps.files.put(path, await renderRows('orgs', rows), '');
      return { fn: 'registry', action: 'applyImport', data: { kind: 'orgs', fileId }, openid: 'dev-city-admin' };
    },
  ],
  [
    'opening the next period (the period flag, the new period, selected youths to alumni, audit)',
    async (w) => {
      await must(w, approve(await liNomination(w)));
      const { draft } = (await must(w, registry('periods', {}, 'dev-city-admin'))) as { draft: unknown };
      return registry('openPeriod', { rules: draft, reason: '新一期选培启动' }, 'dev-city-admin');
    },
  ],
  [
    'a youth asking to move to another unit (the record, audit, outbox to the new unit)',
    async () => registry('confirmMine', { unitId: 'yuecheng-gov', post: '科员' }, 'dev-youth-zhang'),
  ],
  [
    'the new unit approving the move (the record moved, audit, outbox to the youth)',
    async (w) => {
      await must(w, registry('confirmMine', { unitId: 'yuecheng-tech', post: '车间主任' }, 'dev-youth-zhang'));
      return registry('decideChange', { youthId: 'demo-youth-1', approve: true }, 'dev-unit-admin');
    },
  ],
  [
    'reminding a unit’s stale records (the daily counter, audit, outbox)',
    async () => registry('remindStale', { unitId: 'yuecheng-tech' }, 'dev-unit-admin'),
  ],
  [
    'a youth adding a cultivation record (the record, audit, outbox to the unit admin)',
    async (w) => ({ ...cultivation('addMeasure', TRAINING), openid: await liSelected(w) }),
  ],
  [
    'the unit confirming a youth’s record (the record, audit, outbox to the youth)',
    async (w) => {
      const li = await liSelected(w);
      const m = await must(w, { ...cultivation('addMeasure', TRAINING), openid: li });
      return cultivation('decideMeasure', { measureId: m.id, decision: 'confirm' });
    },
  ],
  [
    'a 推优 recommendation taking a place of the separate quota (quota, record, audit, outbox)',
    async (w) => {
      await liSelected(w);
      const [n] = await w.deps.store.collection<NominationDoc>(C.nominations).find({ youthOpenid: 'dev-youth-li' });
      await must(w, {
        ...cultivation('setPartyQuota', { unitId: n.unitId, year: 2026, limit: 2, reason: '区委组织部单列名额' }),
        openid: 'dev-district-admin',
      });
      await must(w, cultivation('startParty', { nominationId: n._id, date: '2026-03-01' }));
      return cultivation('advanceParty', {
        nominationId: n._id,
        event: 'recommend',
        date: '2026-04-01',
        leagueOrg: '智造科技团支部',
      });
    },
  ],
  [
    'a Party application from the youth database (the person’s key, the record, audit)',
    async () => cultivation('startPartyForYouth', { youthId: 'demo-youth-2', date: '2026-03-01', leagueMember: true }),
  ],
  [
    'the mentor confirming a match (the match, its agreement drawn up, audit, outbox)',
    async (w) => ({ ...mentoring('accept', { matchId: await published(w) }), openid: 'dev-mentor-wang' }),
  ],
  [
    '不合适 after the first meeting (the fit, the agreement and the match ended, places back, admins told)',
    async (w) => {
      const agreementId = await published(w);
      await must(w, { ...mentoring('accept', { matchId: agreementId }), openid: 'dev-mentor-wang' });
      const meeting = { agreementId, date: '2026-11-24', form: 'offline', summary: '初次见面交流' };
      await must(w, { ...mentoring('logMeeting', meeting), openid: 'dev-youth-li' });
      return { ...mentoring('answerFit', { agreementId, answer: 'poor' }), openid: 'dev-youth-li' };
    },
  ],
  [
    'recording accepted subscriptions (grants, the daily counter, audit)',
    async () => ({
      fn: 'message',
      action: 'recordGrants',
      data: {
        results: [
          { templateId: DEV_TEMPLATE_IDS.reviewResult, result: 'accept' },
          { templateId: DEV_TEMPLATE_IDS.todo, result: 'accept' },
        ],
      },
      openid: 'dev-youth-zhang',
    }),
  ],
  [
    'marking every message read (messages, audit)',
    async (w) => {
      for (const quota of [3, 4])
        await must(w, {
          fn: 'admin',
          action: 'setQuota',
          data: { unitId: 'yuecheng-tech', quota, reason: '区县统筹调整' },
          openid: 'dev-district-admin',
        });
      return { fn: 'message', action: 'markAllRead', data: {}, openid: 'dev-unit-admin' };
    },
  ],
  [
    'a youth requesting housing help (request, daily counter, audit, outbox to the handler)',
    async () => housingRequest(),
  ],
  [
    'a handler resolving a request (request, audit, outbox to the youth)',
    async (w) => {
      const id = (await must(w, housingRequest())).id as string;
      await must(w, services('accept', { requestId: id }, 'dev-district-admin'));
      return services('resolve', { requestId: id, text: '已安排入住人才公寓' }, 'dev-district-admin');
    },
  ],
  [
    'the youth confirming with a rating (request, audit, outbox to the handler)',
    async (w) => {
      const id = (await must(w, housingRequest())).id as string;
      await must(w, services('accept', { requestId: id }, 'dev-district-admin'));
      await must(w, services('resolve', { requestId: id, text: '已安排入住人才公寓' }, 'dev-district-admin'));
      return services('confirm', { requestId: id, rating: 5, comment: '很满意' }, 'dev-youth-zhang');
    },
  ],
  [
    'the timer escalating an overdue request to the city (request, audit, outbox)',
    async (w) => {
      await must(w, housingRequest());
      w.setNow(new Date(NOW.getTime() + 30 * 86_400_000));
      return { fn: 'services', action: 'escalate', data: {}, openid: null, system: true };
    },
  ],
];

const services = (action: string, data: unknown, openid: string): Call => ({ fn: 'services', action, data, openid });

/** 张晓青 asks 越城区 for housing help. */
const housingRequest = (): Call =>
  services(
    'submit',
    {
      typeId: 'housing',
      description: '刚来绍兴工作，想申请人才公寓',
      fields: { mode: '租房', district: '越城区', budget: '2000–4000元/月' },
    },
    'dev-youth-zhang',
  );
const registry = (action: string, data: unknown, openid: string): Call => ({ fn: 'registry', action, data, openid });
const cultivation = (action: string, data: unknown): Call => ({
  fn: 'cultivation',
  action,
  data,
  openid: 'dev-unit-admin',
});

const TRAINING = {
  kind: 'training',
  title: '青年干部能力提升班',
  startDate: '2026-11-02',
  organiser: '团市委',
  hours: 32,
};

/** 李明 approved (a 好青年 of 陈管理员's unit): his OPENID. */
async function liSelected(w: World): Promise<string> {
  await must(w, approve(await liNomination(w)));
  return 'dev-youth-li';
}

const mentoring = (action: string, data: unknown): Call => ({
  fn: 'mentoring',
  action,
  data,
  openid: 'dev-city-admin',
});

/** 李明 approved and proposed to 王导师: the call publishing the draft. */
async function publish(w: World): Promise<Call> {
  const id = await liNomination(w);
  await must(w, approve(id));
  const draft = await must(w, mentoring('propose', { nominationId: id, mentorId: 'dev-mentor-wang' }));
  return mentoring('publish', { matchIds: [draft.id] });
}

async function published(w: World): Promise<string> {
  const call = await publish(w);
  await must(w, call);
  return (call.data as { matchIds: string[] }).matchIds[0];
}

/** Quota counters agree with the approvals they count. */
async function expectConsistent(w: World): Promise<void> {
  const quotas = await w.deps.store.collection<QuotaDoc>(C.quotas).find({});
  for (const q of quotas) {
    const approved = await w.deps.store
      .collection<NominationDoc>(C.nominations)
      .count({ periodId: q.periodId, unitId: q.unitId, status: 'approved' });
    expect({ quota: q._id, used: q.used }).toEqual({ quota: q._id, used: approved });
  }
}

export async function faultAtEveryWrite(newWorld: () => Promise<World>, prepare: (w: World) => Promise<Call>) {
  const clean = await newWorld();
  const call = await prepare(clean);
  clean.faults.writes = 0;
  expect(await clean.call(call, 'req_clean_run_0001')).toEqual(expect.objectContaining({ ok: true }));
  const writes = clean.faults.writes;
  // At least one document and the audit entry (and, for a client's request, the marker and its completion).
  expect(writes).toBeGreaterThanOrEqual(call.system ? 2 : 4);
  for (let k = 1; k <= writes; k += 1) {
    const w = await newWorld();
    const c = await prepare(w);
    const before = await w.dump();
    const requestId = `req_fault_at_${String(k).padStart(4, '0')}`;
    w.faults.writes = 0;
    w.faults.failAt = new Set([k]);
    const failed = await w.call(c, requestId);
    expect({ k, failed }).toEqual({
      k,
      failed: expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'SYS.INTERNAL' }) }),
    });
    expect({ k, after: await w.dump() }).toEqual({ k, after: before });
    w.faults.failAt = new Set();
    expect({ k, retried: await w.call(c, requestId) }).toEqual({
      k,
      retried: expect.objectContaining({ ok: true, requestId }),
    });
    await expectConsistent(w);
  }
}
