/**
 * Fixtures built per test: the organisations, people and nominations a test needs and nothing more, so an
 * action test never depends on the demo seed (its personas, its units, its one submitted nomination).
 *
 *   const f = await fixture();                       // a harness, the city and the current period
 *   const unit = await f.unit({ category: 'two_new', district: 'yuecheng', youthCount: 40 });
 *   const admin = await f.admin('unitAdmin', unit);
 *   const youth = await f.youth(unit, { consent: true });
 *   const n = await f.nomination(unit, { youth, status: 'approved' });
 *   await f.h.call('nomination', 'review', { nominationId: n.id, decision: 'reject', comment: '…' }, admin);
 *
 * Records are written through the code the actions use: nominations through the record builder of
 * `nomination/src/record.ts`, and moved to another status through the nomination table's server helper
 * (`moveNomination`: an approval takes a quota place, a filed list refuses it); consent through
 * `account.recordConsent`. Fixture writes are not user actions: they leave no audit entry or notification
 * of their own (the consent excepted, which goes through the action).
 */
import { C, type AccountDoc, type OrgDoc, type PeriodDoc } from '../../cloudfunctions/_lib/collections';
import type { ServerDeps } from '../../cloudfunctions/_lib/deps';
import { moveNomination } from '../../cloudfunctions/_lib/nomination-flow';
import type { ActionContext } from '../../cloudfunctions/_lib/router';
import { personKey, recordFields, saveRecord } from '../../cloudfunctions/nomination/src/record';
import type { NominationForm } from '../../miniprogram/core/contracts/nomination-form';
import { checkEligibility } from '../../miniprogram/core/eligibility';
import { idCheckChar } from '../../miniprogram/core/id-number';
import type { RoleGrant, UnitCategory } from '../../miniprogram/core/org';
import type { AdminRole } from '../../miniprogram/core/scope';
import { demoPeriod, DISTRICTS } from '../../scripts/local/seed';
import { makeHarness, NOW, type Harness } from './harness';

/** A valid 18-digit ID number (check digit per GB 11643) for a birth date (`YYYY-MM-DD`); odd `seq` is male. */
export function idNumberOf(birthDate: string, seq: number, region = '330602'): string {
  const first17 = `${region}${birthDate.replace(/-/g, '')}${String(seq % 1000).padStart(3, '0')}`;
  return `${first17}${idCheckChar(first17)}`;
}

/** A reviewer's approval of a nomination: it confirms on-staff status and the three criteria (R4.2). */
export const approval = (nominationId: string) =>
  ({ nominationId, decision: 'approve', confirm: { onStaff: true, attestations: true } }) as const;

/** Typical deeds (≥ 50 characters, R2): what the public notice shows where the youth consented. */
export const DEEDS =
  '牵头完成企业生产线数字化改造，主持开发设备远程运维平台，使设备故障响应时间缩短百分之四十；带领青年突击队攻坚关键工艺，获评区级青年岗位能手。';

/** Someone who may be nominated: a name, an ID number and a phone, and their complete, eligible form. */
export interface Identity {
  name: string;
  idNumber: string;
  phone: string;
  /** Their R2 form: 大学本科/学士, 共青团员, title 工程师, on staff, the three criteria attested, these deeds. */
  form(over?: Partial<NominationForm>): NominationForm;
}

/** A user of the app, as a caller of `h.call`. */
export interface Person {
  openid: string;
  name: string;
}

/** A youth: a user with an identity, bound to a unit unless built with `null`. */
export interface Youth extends Person, Identity {
  unitId: string | null;
}

/** A nomination written by the fixture. */
export interface Nominee extends Identity {
  id: string;
  unitId: string;
}

export interface UnitSpec {
  id?: string;
  name?: string;
  category?: UnitCategory;
  /** A district id (created on first use; the six of Shaoxing get their names), a district, or null for a city-level unit. */
  district?: string | OrgDoc | null;
  youthCount?: number;
}

export interface IdentitySpec {
  name?: string;
  /** Default 1996-05-20; the period's cutoff is 35 years before its reference date (R2.1). */
  birthDate?: string;
  region?: string;
  /** A given ID number instead of one made from the birth date (sex and birth date follow from it). */
  idNumber?: string;
  phone?: string;
}

export interface YouthSpec extends IdentitySpec {
  openid?: string;
  /** Record the current personal-information consent (through `account.recordConsent`). */
  consent?: boolean;
  /** The account's display name (the name the youth chose when binding); defaults to `name`. */
  displayName?: string;
}

export type FixtureStatus = 'submitted' | 'approved' | 'returned' | 'rejected';

export interface NominationSpec extends IdentitySpec {
  /** The youth's own self-nomination; without one, a unit-channel record of a new identity, not yet claimed. */
  youth?: Youth;
  status?: FixtureStatus;
  /** The reviewer's reason for a returned or rejected record. */
  comment?: string;
  form?: Partial<NominationForm>;
}

export interface Fixture {
  h: Harness;
  city: OrgDoc;
  /** The current period (the one whose nomination window holds the harness's now), or null if built without. */
  period: PeriodDoc | null;
  district(id?: string): Promise<OrgDoc>;
  unit(spec?: UnitSpec): Promise<OrgDoc>;
  /** An account holding exactly these grants (a cadre with two hats, a mentor). */
  account(grants: RoleGrant[], over?: { openid?: string; name?: string }): Promise<Person>;
  admin(role: AdminRole, org: OrgDoc, over?: { openid?: string; name?: string }): Promise<Person>;
  /** A youth bound to `unit`; with `null`, a WeChat user without an account yet. */
  youth(unit: OrgDoc | null, spec?: YouthSpec): Promise<Youth>;
  /** A fresh identity with no account (someone a unit nominates). */
  person(spec?: IdentitySpec): Identity;
  nomination(unit: OrgDoc, spec?: NominationSpec): Promise<Nominee>;
  nominations(
    unit: OrgDoc,
    count: number,
    spec?: Omit<NominationSpec, 'youth' | 'name' | 'idNumber' | 'phone'>,
  ): Promise<Nominee[]>;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '晓明华青伟芳娜静磊洋勇艳杰军敏强丽涛斌';
/** A plausible Chinese name, different for each number. */
const nameOf = (n: number) =>
  `${SURNAMES[n % SURNAMES.length]}${GIVEN[(n * 7) % GIVEN.length]}${GIVEN[n % GIVEN.length]}`;
const REVIEW_EVENT = { approved: 'approve', returned: 'return', rejected: 'reject' } as const;

/** A complete, eligible R2 form for a person (what `Identity.form` gives), for inputs built outside a fixture. */
export function nominationForm(
  p: Pick<Identity, 'name' | 'idNumber' | 'phone'>,
  over: Partial<NominationForm> = {},
): NominationForm {
  return {
    name: p.name,
    idNumber: p.idNumber,
    phone: p.phone,
    education: 'bachelor',
    degree: 'bachelor',
    politicalStatus: 'league_member',
    duty: '',
    post: '技术员',
    title: '工程师',
    skillLevel: '',
    onStaff: true,
    attestations: { political: true, moral: true, contribution: true },
    deeds: DEEDS,
    showcaseConsent: true,
    ...over,
  };
}

export async function fixture(
  options: {
    now?: Date;
    /** Changes to the current period, or null for none. */
    period?: Partial<PeriodDoc> | null;
    bootstrapCityAdmins?: string[];
    filesDir?: string;
    /** Other dependencies (the cloudbase adapter against the fake endpoint) instead of the embedded store. */
    deps?: ServerDeps;
  } = {},
): Promise<Fixture> {
  const now = options.now ?? NOW;
  const { bootstrapCityAdmins, filesDir } = options;
  const h = await makeHarness({ now, seed: false, bootstrapCityAdmins, filesDir, deps: options.deps });
  const { deps } = h;
  const orgs = deps.store.collection<OrgDoc>(C.orgs);
  const accounts = deps.store.collection<AccountDoc>(C.accounts);
  const city: OrgDoc = { _id: deps.cityOrgId, name: '绍兴市', level: 'city', parentId: null, districtId: null };
  await orgs.insert(city);
  const period = options.period === null ? null : { ...demoPeriod(now), ...options.period };
  if (period) await deps.store.collection<PeriodDoc>(C.periods).insert(period);
  let seq = 0;
  const next = () => (seq += 1);

  const district = async (id = 'yuecheng'): Promise<OrgDoc> => {
    const existing = await orgs.get(id);
    if (existing) return existing;
    const known = DISTRICTS.findIndex((d) => d.id === id);
    const name = known >= 0 ? DISTRICTS[known].name : id;
    const doc: OrgDoc = { _id: id, name, level: 'district', parentId: city._id, districtId: id, order: known };
    await orgs.insert(known >= 0 ? doc : { ...doc, order: 100 + next() });
    return doc;
  };

  const unit = async (spec: UnitSpec = {}): Promise<OrgDoc> => {
    const n = next();
    const where =
      spec.district === null ? null : await district(spec.district === undefined ? undefined : idOf(spec.district));
    const doc: OrgDoc = {
      _id: spec.id ?? `unit-${n}`,
      name: spec.name ?? `${where?.name ?? '绍兴市'}测试单位${n}`,
      level: 'unit',
      parentId: where?._id ?? city._id,
      districtId: where?._id ?? null,
      category: spec.category ?? 'two_new',
      youthCount: spec.youthCount ?? 40,
    };
    await orgs.insert(doc);
    return doc;
  };

  const account = async (grants: RoleGrant[], over: { openid?: string; name?: string } = {}): Promise<Person> => {
    const n = next();
    const person = { openid: over.openid ?? `user-${n}`, name: over.name ?? nameOf(n) };
    const at = deps.clock();
    await accounts.insert({ _id: person.openid, displayName: person.name, grants, createdAt: at, updatedAt: at });
    return person;
  };

  const person = (spec: IdentitySpec = {}): Identity => {
    const n = next();
    const name = spec.name ?? nameOf(n);
    const identity = {
      name,
      idNumber: spec.idNumber ?? idNumberOf(spec.birthDate ?? '1996-05-20', n, spec.region),
      phone: spec.phone ?? `139${String(n).padStart(8, '0')}`,
    };
    return { ...identity, form: (over) => nominationForm(identity, over) };
  };

  const youth = async (at: OrgDoc | null, spec: YouthSpec = {}): Promise<Youth> => {
    const who = person(spec);
    const openid = spec.openid ?? `youth-${seq}`;
    if (at) await account([{ role: 'youth', orgId: at._id }], { openid, name: spec.displayName ?? who.name });
    if (spec.consent) await h.consent(openid);
    return { ...who, openid, unitId: at?._id ?? null };
  };

  const nomination = async (at: OrgDoc, spec: NominationSpec = {}): Promise<Nominee> => {
    if (!period) throw new Error('fixture: a nomination needs the current period');
    const who = spec.youth ?? person(spec);
    const form = who.form(spec.form);
    const time = deps.clock();
    const verdict = checkEligibility(form, period, time);
    if (!verdict.ok) throw new Error(`fixture: ineligible nominee (${verdict.error.code})`);
    const youthOpenid = spec.youth?.openid ?? null;
    const author = youthOpenid ?? 'fixture';
    const fields = recordFields(deps, {
      form,
      eligible: verdict.value,
      unit: at,
      channel: youthOpenid ? 'self' : 'unit',
      youthOpenid,
      createdBy: author,
      now: time,
    });
    const key = personKey(deps, period._id, form.idNumber);
    const saved = await saveRecord(deps, {
      key,
      periodId: period._id,
      fields,
      entry: { at: time, action: 'submit', actor: author, actorName: youthOpenid ? form.name : '测试', comment: null },
      resubmitter: youthOpenid,
    });
    if (!saved.ok) throw new Error(`fixture: ${saved.error.code} for ${form.name}`);
    const status = spec.status ?? 'submitted';
    if (status !== 'submitted') {
      const event = REVIEW_EVENT[status];
      const comment = event === 'approve' ? null : (spec.comment ?? '测试');
      const ctx: ActionContext = {
        deps,
        actor: null,
        now: time,
        requestId: 'fixture',
        audit: noop,
        notify: noop,
        onRollback: noop,
        step: (fn) => fn(ctx),
      };
      const moved = await moveNomination(ctx, {
        doc: saved.value,
        unit: at,
        event,
        entry: { at: time, action: event, actor: 'fixture', actorName: '测试', comment },
        confirmed: true,
        set: event === 'approve' ? { confirmation: { by: 'fixture', byName: '测试', at: time } } : {},
      });
      if (!moved.ok) throw new Error(`fixture: cannot make ${form.name} ${status}: ${moved.error.code}`);
    }
    return { ...who, id: saved.value._id, unitId: at._id, form: (over) => who.form({ ...spec.form, ...over }) };
  };

  return {
    h,
    city,
    period,
    district,
    unit,
    account,
    admin: (role, org, over) => account([{ role, orgId: org._id }], over),
    youth,
    person,
    nomination,
    nominations: async (at, count, spec = {}) => {
      const out: Nominee[] = [];
      for (let i = 0; i < count; i += 1) out.push(await nomination(at, spec));
      return out;
    },
  };
}

const idOf = (org: string | OrgDoc): string => (typeof org === 'string' ? org : org._id);
const noop = (): void => undefined;
