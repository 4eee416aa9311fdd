// Transitional: replaced by services/session.ts, package-admin/lib/ and behaviors/paged-list.ts as pages convert.
/**
 * The admin pages' view of the caller: which level they administer (the
 * widest grant wins) and the small view helpers those pages share. The
 * server enforces every scope; this only decides what to show.
 */
import type { GrantView, MeOutput } from '../core/contracts/account';
import type { Role } from '../core/org';
import { call, localServer } from '../services/cloud';
import { errorText } from '../services/error-text';

export type AdminLevel = 'unit' | 'district' | 'city';

export interface AdminScope {
  level: AdminLevel;
  orgId: string;
  orgName: string;
  /** A district admin's own district (they also file its 其他基层领域 list). */
  districtId: string;
}

export interface Choice {
  value: string;
  label: string;
}

const LEVEL_OF: Array<[Role, AdminLevel]> = [
  ['cityAdmin', 'city'],
  ['districtAdmin', 'district'],
  ['unitAdmin', 'unit'],
];

export const LEVEL_LABELS: Record<AdminLevel, string> = {
  city: '团市委管理员',
  district: '区县团委管理员',
  unit: '单位管理员',
};

/** The widest administrative grant, or null for someone who administers nothing. */
export function adminScope(me: Pick<MeOutput, 'roles'>): AdminScope | null {
  for (const [role, level] of LEVEL_OF) {
    const grant: GrantView | undefined = me.roles.find((g) => g.role === role);
    if (grant) {
      return {
        level,
        orgId: grant.orgId,
        orgName: grant.orgName,
        districtId: level === 'district' ? grant.orgId : '',
      };
    }
  }
  return null;
}

export type ScopeResult = { ok: true; scope: AdminScope } | { ok: false; message: string };

/** Who is asking, as an admin; a Chinese refusal for anyone else. */
export async function loadAdminScope(): Promise<ScopeResult> {
  const me = await call('account', 'me', {});
  if (!me.ok) return { ok: false, message: me.message };
  const scope = adminScope(me.data);
  return scope ? { ok: true, scope } : { ok: false, message: errorText('AUTH.FORBIDDEN') };
}

/** Chips for a label table, with an "all" choice first (value ''). */
export function choices<K extends string>(labels: Record<K, string>, keys: readonly K[], all = '全部'): Choice[] {
  return [{ value: '', label: all }, ...keys.map((k) => ({ value: k, label: labels[k] }))];
}

/**
 * The districts as chips for a city admin, the whole city first (value '');
 * [] when they cannot be loaded. The list names the city itself 市级单位 (for
 * picking city-level units): that entry is not a district and is left out.
 */
export async function districtChoices(cityOrgId: string, all = '全市'): Promise<Choice[]> {
  const res = await call('account', 'listDistricts', {});
  if (!res.ok) return [];
  const districts = res.data.filter((d) => d._id !== cityOrgId);
  return [{ value: '', label: all }, ...districts.map((d) => ({ value: d._id, label: d.name }))];
}

/**
 * A file link the person can open elsewhere (copied to a computer): local mode
 * answers paths on the dev server, which in the browser preview is the page's
 * own origin.
 */
export function absoluteLink(url: string): string {
  if (!url.startsWith('/')) return url;
  const base = localServer();
  const origin = (globalThis as { location?: { origin?: string } }).location?.origin;
  return `${base || origin || ''}${url}`;
}

/** `items[20]`, `items[21]`…: only the new rows cross to the view layer. */
export function appendPatch<T>(field: string, start: number, rows: readonly T[]): Record<string, T> {
  const patch: Record<string, T> = {};
  rows.forEach((row, i) => {
    patch[`${field}[${start + i}]`] = row;
  });
  return patch;
}

/** Per-instance debounce timers, kept out of `data` (never rendered). */
const timers = new WeakMap<object, ReturnType<typeof setTimeout>>();

export function debounce(owner: object, ms: number, run: () => void): void {
  cancelDebounce(owner);
  timers.set(
    owner,
    setTimeout(() => {
      timers.delete(owner);
      run();
    }, ms),
  );
}

export function cancelDebounce(owner: object): void {
  const timer = timers.get(owner);
  if (timer !== undefined) clearTimeout(timer);
  timers.delete(owner);
}

/** A generation counter per page: an answer to an older query is dropped. */
const generations = new WeakMap<object, number>();

export function nextGeneration(owner: object): number {
  const next = (generations.get(owner) ?? 0) + 1;
  generations.set(owner, next);
  return next;
}

export function isCurrent(owner: object, generation: number): boolean {
  return generations.get(owner) === generation;
}
