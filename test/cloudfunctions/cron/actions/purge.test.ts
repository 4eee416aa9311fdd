/**
 * cron.purgeWithdrawn: erasure after withdrawal, voiding or a withdrawn consent (R9.2, PIPL art. 47; issue 8 §9).
 * After erasure no trace of the person remains in any collection of the registry (sealed fields opened too) or
 * in any file of the embedded store's directory; the audit keeps who did what under ids not derived from them.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  C,
  REGISTRY,
  type AuditDoc,
  type DraftDoc,
  type NominationDoc,
} from '../../../../cloudfunctions/_lib/collections';
import type { ServerDeps } from '../../../../cloudfunctions/_lib/deps';
import { createConsoleLogger } from '../../../../cloudfunctions/_lib/logger';
import type { Doc } from '../../../../cloudfunctions/_lib/store/port';
import { maskIdNumber, maskPhone } from '../../../../miniprogram/core/id-number';
import { createLocalDeps } from '../../../../scripts/local/deps';
import { startFakeTcbServer } from '../../../support/fake-tcb-server';
import { faultyStore, type Faults } from '../../../support/faulty-store';
import { approval, fixture, type Fixture } from '../../../support/fixtures';
import { JPEG, uploadAs } from '../../../support/uploads';
import { claimRecordKey } from '../../../../cloudfunctions/_lib/claim-keys';
import { codeOf, dataOf, NOW, TIMER } from '../../../support/harness';
import { cloudbaseDeps } from '../../../support/cloudbase-deps';
import { HOUSING, scene } from '../../services/scene';

const DAY = 86_400_000;

/** Every file under `dir`, as text. */
function filesUnder(dir: string): Array<{ file: string; text: string }> {
  return readdirSync(dir).flatMap((name) => {
    const file = join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [{ file, text: readFileSync(file, 'utf8') }];
  });
}

/** Every document of every registered collection, with each sealed `…Enc` value opened beside it. */
async function everyDocument(deps: ServerDeps): Promise<string> {
  const out: string[] = [];
  for (const { name } of REGISTRY) {
    for (const doc of await deps.store.collection<Doc>(name).find({})) {
      const opened = Object.entries(doc)
        .filter(([k, v]) => k.endsWith('Enc') && typeof v === 'string' && v !== '')
        .map(([, v]) => deps.crypto.decrypt(v as string));
      out.push(`${name} ${JSON.stringify(doc)} ${opened.join(' ')}`);
    }
  }
  return out.join('\n');
}

describe('cron.purgeWithdrawn: erasure (R9.2, issue 8 §9)', () => {
  let dir: string;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('after nominate → review → objection → withdraw → purge, nothing of the person is left anywhere', async () => {
    dir = mkdtempSync(join(tmpdir(), 'hqn-erasure-'));
    let now = NOW;
    const deps = createLocalDeps({ dataDir: join(dir, 'data'), clock: () => now, log: createConsoleLogger(() => {}) });
    const f = await fixture({ deps });
    const { h } = f;
    const unit = await f.unit({ category: 'party_gov', youthCount: 400 });
    const other = await f.unit({ category: 'party_gov', youthCount: 400 });
    const admin = await f.admin('unitAdmin', unit);
    const otherAdmin = await f.admin('unitAdmin', other);
    // The account is the user's own (what they chose to be called in the app), not the nomination's data.
    const youth = await f.youth(unit, { name: '欧阳青禾', displayName: '小禾', phone: '13712345678', consent: true });
    let seq = 0;
    const rid = () => `erasure-req-${String((seq += 1)).padStart(4, '0')}`;

    // Nominate (a draft first), review, a contested duplicate from another unit, an objection, withdraw.
    dataOf(await h.call('nomination', 'saveDraft', { fields: { name: youth.name, post: '技术员' } }, youth, rid()));
    const { id } = dataOf(await h.call('nomination', 'submitSelf', youth.form(), youth, rid())).nomination;
    const input = { unitId: other._id, form: youth.form(), consentObtained: true } as const;
    expect(codeOf(await h.call('nomination', 'nominateByUnit', input, otherAdmin, rid()))).toBe('NOMINATION.DUPLICATE');
    dataOf(await h.call('nomination', 'review', approval(id), admin, rid()));
    const content = `据了解欧阳青禾并非本单位在编人员，电话13712345678，请核实。`;
    const { objectionId } = dataOf(
      await h.call('notice', 'object', { nominationId: id, content, contact: '13600001111' }, 'citizen', rid()),
    );
    const note = '经核实，欧阳青禾为本单位在编人员，异议不成立。';
    dataOf(await h.call('admin', 'resolveObjection', { objectionId, disposition: 'dismissed', note }, admin, rid()));
    dataOf(await h.call('nomination', 'withdraw', { nominationId: id, reason: '个人原因' }, youth, rid()));

    const record = await deps.store.collection<NominationDoc>(C.nominations).get(id);
    if (!record) throw new Error('no record');
    const traces = [
      youth.name,
      youth.idNumber,
      youth.phone,
      maskIdNumber(youth.idNumber),
      maskPhone(youth.phone),
      record.idHash,
      '13600001111',
    ];
    // The record's id and the audit targets are random: nothing derived from the person.
    expect(id).not.toContain(record.idHash);
    expect(await everyDocument(deps)).toContain(youth.name); // the scan sees the data before the purge

    now = new Date(NOW.getTime() + 31 * DAY);
    expect(dataOf(await h.call('cron', 'purgeWithdrawn', {}, TIMER))).toEqual({ erased: 1, drafts: 0, more: false });

    const everything = await everyDocument(deps);
    for (const t of traces) expect({ trace: t, found: everything.includes(t) }).toEqual({ trace: t, found: false });
    await deps.store.close();
    for (const { file, text } of filesUnder(dir)) {
      for (const t of traces)
        expect({ file, trace: t, found: text.includes(t) }).toEqual({ file, trace: t, found: false });
    }
    // The audit still says who did what, under the record's random id, ending with the erasure.
    const reopened = createLocalDeps({ dataDir: join(dir, 'data'), clock: () => now });
    const trail = await reopened.store.collection<AuditDoc>('audit').find({ target: `nominations/${id}` });
    expect(trail.map((a) => a.action).sort()).toEqual(
      [
        'nomination.submitSelf',
        'nomination.nominateByUnit',
        'nomination.review',
        'nomination.withdraw',
        'cron.purgeWithdrawn',
      ].sort(),
    );
    await reopened.store.close();
  });

  it('erases the photo file and the wrong-claim counter named by the record, with the record', async () => {
    const f = await fixture();
    const unit = await f.unit();
    const admin = await f.admin('unitAdmin', unit);
    const district = await f.admin('districtAdmin', await f.district(unit.districtId ?? undefined));
    // A self-nomination with a photo, withdrawn.
    const youth = await f.youth(unit, { consent: true });
    const photo = await uploadAs(f.h.deps, youth, JPEG, 'jpg');
    const own = dataOf(await f.h.call('nomination', 'submitSelf', youth.form({ photoFileId: photo.fileId }), youth))
      .nomination.id;
    dataOf(await f.h.call('nomination', 'withdraw', { nominationId: own, reason: '个人原因' }, youth));
    // A unit-entered record someone tried to claim with a wrong code (its ID number names it), voided by the district.
    const owner = await f.youth(null, { consent: true });
    const entered = dataOf(
      await f.h.call(
        'nomination',
        'nominateByUnit',
        { unitId: unit._id, form: owner.form(), consentObtained: true },
        admin,
      ),
    );
    const guesser = await f.youth(null, { consent: true });
    const wrong = { claimCode: 'AAAAAAAAAAA', idNumber: owner.idNumber };
    expect(codeOf(await f.h.call('nomination', 'claim', wrong, guesser))).toBe('CLAIM.INVALID');
    const counter = claimRecordKey(entered.nomination.id);
    expect(await f.h.deps.store.collection(C.limits).get(counter)).not.toBeNull();
    const voided = { nominationId: entered.nomination.id, reason: '信息冒用' };
    dataOf(await f.h.call('nomination', 'voidNomination', voided, district));
    expect(await f.h.deps.files.get(photo.fileId)).not.toBeNull();

    f.h.setNow(new Date(NOW.getTime() + 31 * DAY));
    expect(dataOf(await f.h.call('cron', 'purgeWithdrawn', {}, TIMER))).toMatchObject({ erased: 2 });
    expect(await f.h.deps.files.get(photo.fileId)).toBeNull();
    expect(await f.h.deps.store.collection(C.limits).get(counter)).toBeNull();
  });

  it('the person may be nominated again after erasure, and the erasure leaves a newer record of theirs alone', async () => {
    const f = await fixture();
    const { h } = f;
    const youth = await f.youth(await f.unit(), { consent: true });
    const { id } = dataOf(await h.call('nomination', 'submitSelf', youth.form(), youth)).nomination;
    dataOf(await h.call('nomination', 'withdraw', { nominationId: id }, youth));
    const again = dataOf(await h.call('nomination', 'submitSelf', youth.form(), youth)).nomination;
    expect(again.id).not.toBe(id);
    h.setNow(new Date(NOW.getTime() + 29 * DAY));
    expect(dataOf(await h.call('cron', 'purgeWithdrawn', {}, TIMER)).erased).toBe(0);
    h.setNow(new Date(NOW.getTime() + 31 * DAY));
    expect(dataOf(await h.call('cron', 'purgeWithdrawn', {}, TIMER)).erased).toBe(1);
    expect(await h.deps.store.collection('nominations').get(id)).toBeNull();
    // The newer record still holds the person's place.
    expect(codeOf(await h.call('nomination', 'submitSelf', youth.form(), youth))).toBe('NOMINATION.DUPLICATE');
    expect(await h.deps.store.collection('nominations').get(again.id)).not.toBeNull();
  });

  async function withdrawnRecords(f: Fixture, count: number): Promise<string[]> {
    const unit = await f.unit({ youthCount: 4000 });
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const youth = await f.youth(unit, { consent: true });
      const { id } = dataOf(await f.h.call('nomination', 'submitSelf', youth.form(), youth)).nomination;
      dataOf(await f.h.call('nomination', 'withdraw', { nominationId: id }, youth));
      ids.push(id);
    }
    return ids;
  }

  it('erases every eligible record in one run, not 100 a day, with one audit entry per record', async () => {
    const f = await fixture();
    const ids = await withdrawnRecords(f, 230);
    f.h.setNow(new Date(NOW.getTime() + 31 * DAY));
    const started = Date.now();
    expect(dataOf(await f.h.call('cron', 'purgeWithdrawn', {}, TIMER))).toEqual({
      erased: 230,
      drafts: 0,
      more: false,
    });
    const ms = Date.now() - started;
    expect(await f.h.deps.store.collection('nominations').count({})).toBe(0);
    expect(await f.h.deps.store.collection('nominationKeys').count({})).toBe(0);
    const audits = await f.h.deps.store
      .collection<AuditDoc>('audit')
      .find({ action: 'cron.purgeWithdrawn', target: { $ne: null } });
    expect(audits.map((a) => a.target).sort()).toEqual(ids.map((id) => `nominations/${id}`).sort());
    expect(ms).toBeLessThan(20_000);
  });

  it('is resumable: a crash mid-way keeps what was erased, and the next run erases only the rest', async () => {
    const f = await fixture();
    const ids = await withdrawnRecords(f, 6);
    const faults: Faults = { writes: 0, failAt: new Set() };
    const deps: ServerDeps = { ...f.h.deps, store: faultyStore(f.h.deps.store, faults) };
    const later = new Date(NOW.getTime() + 31 * DAY);
    f.h.setNow(later);
    const { ROUTERS } = await import('../../../../scripts/local/functions');
    const run = () => ROUTERS.cron.handle({ action: 'purgeWithdrawn', data: {} }, { openid: null, system: true }, deps);

    // A clean run counts the writes of one record's erasure; crash in the middle of the fourth record.
    const perRecord = await (async () => {
      const probe = await fixture();
      await withdrawnRecords(probe, 1);
      probe.h.setNow(later);
      const pf: Faults = { writes: 0, failAt: new Set() };
      const pd: ServerDeps = { ...probe.h.deps, store: faultyStore(probe.h.deps.store, pf) };
      await ROUTERS.cron.handle({ action: 'purgeWithdrawn', data: {} }, { openid: null, system: true }, pd);
      return pf.writes - 1; // less the run's own audit entry
    })();
    faults.failAt = new Set([3 * perRecord + 2]);
    const crashed = await run();
    expect(crashed).toEqual(
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'SYS.INTERNAL' }) }),
    );
    const left = await f.h.deps.store.collection('nominations').find({});
    expect(left).toHaveLength(3);
    faults.failAt = new Set();
    expect(await run()).toEqual(expect.objectContaining({ ok: true, data: { erased: 3, drafts: 0, more: false } }));
    const audits = await f.h.deps.store
      .collection<AuditDoc>('audit')
      .find({ action: 'cron.purgeWithdrawn', target: { $ne: null } });
    // Exactly one erasure entry per record: nothing was done twice, nothing was missed.
    expect(audits.map((a) => a.target).sort()).toEqual(ids.map((id) => `nominations/${id}`).sort());
  });

  it('purges drafts untouched longer than the retention, and keeps recent ones', async () => {
    const f = await fixture();
    const unit = await f.unit();
    const old = await f.youth(unit);
    const recent = await f.youth(unit);
    dataOf(await f.h.call('nomination', 'saveDraft', { fields: { name: old.name } }, old));
    f.h.setNow(new Date(NOW.getTime() + 20 * DAY));
    dataOf(await f.h.call('nomination', 'saveDraft', { fields: { name: recent.name } }, recent));
    f.h.setNow(new Date(NOW.getTime() + 31 * DAY));
    expect(dataOf(await f.h.call('cron', 'purgeWithdrawn', {}, TIMER))).toEqual({ erased: 0, drafts: 1, more: false });
    const left = await f.h.deps.store.collection<DraftDoc>('drafts').find({});
    expect(left.map((d) => d.openid)).toEqual([recent.openid]);
  });

  it('erases through the CloudBase adapter too: every write transactional, by id, as the cloud takes it', async () => {
    const fake = await startFakeTcbServer();
    try {
      let now = NOW;
      const f = await fixture({
        deps: cloudbaseDeps(fake, () => now),
      });
      const unit = await f.unit({ category: 'party_gov', youthCount: 400 });
      const admin = await f.admin('unitAdmin', unit);
      const youth = await f.youth(unit, { name: '云端青年', displayName: '小云', consent: true });
      const { id } = dataOf(
        await f.h.call('nomination', 'submitSelf', youth.form(), youth, 'cloud-req-0001'),
      ).nomination;
      dataOf(await f.h.call('nomination', 'review', approval(id), admin, 'cloud-req-0002'));
      const content = '据了解云端青年并非本单位在编人员，请核实。';
      dataOf(await f.h.call('notice', 'object', { nominationId: id, content }, 'citizen', 'cloud-req-0003'));
      const objection = await f.h.deps.store.collection('objections').findOne({ nominationId: id });
      const note = '经核实，异议不成立。';
      const resolve = { objectionId: objection!._id, disposition: 'dismissed', note } as const;
      dataOf(await f.h.call('admin', 'resolveObjection', resolve, admin, 'cloud-req-0004'));
      dataOf(await f.h.call('nomination', 'withdraw', { nominationId: id }, youth, 'cloud-req-0005'));
      now = new Date(NOW.getTime() + 31 * DAY);
      expect(dataOf(await f.h.call('cron', 'purgeWithdrawn', {}, TIMER))).toEqual({
        erased: 1,
        drafts: 0,
        more: false,
      });
      const everything = await everyDocument(f.h.deps);
      for (const t of [youth.name, youth.idNumber, youth.phone, maskPhone(youth.phone)])
        expect(everything).not.toContain(t);
      expect(fake.violations).toEqual([]);
    } finally {
      await fake.close();
    }
  });

  it('erases the youth’s service requests, their attachments, participation records and offer applications (issue 12)', async () => {
    const s = await scene();
    const { f } = s;
    await f.h.consent(s.youth.openid);
    await f.nomination(await f.unit({ district: 'yuecheng' }), { youth: s.youth });
    const offer = dataOf(
      await f.h.call(
        'services',
        'publishOffer',
        {
          title: '人才安居补贴申领',
          description: '青年人才可申领安居补贴',
          typeId: 'talent',
          closesOn: '2026-12-31',
          criteria: {
            education: [],
            titles: [],
            districtIds: [],
            unitCategories: [],
            politicalStatus: [],
            selectedIn: null,
          },
        },
        s.city,
      ),
    );
    const applied = dataOf(
      await f.h.call(
        'services',
        'submit',
        {
          typeId: 'talent',
          description: '申请人才安居补贴甲乙丙',
          fields: { policy: '人才安居补贴' },
          offerId: offer.id,
        },
        s.youth,
      ),
    ).id;
    const scan = await uploadAs(f.h.deps, s.youth, JPEG, 'jpg');
    const input = { typeId: 'housing', description: '附上租房合同丁戊己', fields: HOUSING, attachments: [scan.fileId] };
    const housing = dataOf(await f.h.call('services', 'submit', input, s.youth)).id;
    dataOf(await f.h.call('services', 'accept', { requestId: housing }, s.housing));
    dataOf(await f.h.call('services', 'note', { requestId: housing, text: '已联系人才公寓庚辛' }, s.housing));
    dataOf(await f.h.call('services', 'recordVolunteering', { name: '越城青年志愿者协会壬癸', hours: 4 }, s.youth));
    const kept = await s.submitHousing(s.other);
    expect(await f.h.deps.files.get(scan.fileId)).not.toBeNull();

    dataOf(await f.h.call('account', 'withdrawConsent', {}, s.youth));
    f.h.setNow(new Date(NOW.getTime() + DAY));
    dataOf(await f.h.call('cron', 'purgeWithdrawn', {}, TIMER));

    const store = f.h.deps.store;
    expect(await store.collection(C.serviceRequests).get(applied)).toBeNull();
    expect(await store.collection(C.serviceRequests).get(housing)).toBeNull();
    expect(await store.collection(C.serviceRequests).get(kept)).not.toBeNull();
    expect(await f.h.deps.files.get(scan.fileId)).toBeNull();
    expect(await store.collection(C.participation).find({ openid: s.youth.openid })).toEqual([]);
    expect(await store.collection(C.offerReach).find({ openid: s.youth.openid })).toEqual([]);
    expect(await store.collection(C.serviceConsents).find({ openid: s.youth.openid })).toEqual([]);
    for (const subject of [`serviceRequests/${housing}`, `serviceRequests/${applied}`]) {
      expect(await store.collection(C.messages).find({ subjects: subject })).toEqual([]);
      expect(await store.collection(C.outbox).find({ subjects: subject })).toEqual([]);
      expect(await store.collection(C.requests).find({ subjects: subject })).toEqual([]);
    }
    const everything = await everyDocument(f.h.deps);
    for (const t of ['甲乙丙', '丁戊己', '庚辛', '壬癸'])
      expect({ trace: t, found: everything.includes(t) }).toEqual({ trace: t, found: false });
    // The other youth's request and the offer's figures stay.
    expect(dataOf(await f.h.call('services', 'offers', {}, s.city)).items[0]).toMatchObject({ reached: 1, applied: 1 });
  });

  it('the timer action cannot be called from a phone', async () => {
    const f = await fixture();
    const city = await f.admin('cityAdmin', f.city);
    expect(codeOf(await f.h.call('cron', 'purgeWithdrawn', {}, city))).toBe('AUTH.FORBIDDEN');
  });
});
