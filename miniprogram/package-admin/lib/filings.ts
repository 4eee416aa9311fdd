/** Filing (备案, R4.4) as the filings page loads and shows it. */
import type { FilingView } from '../../core/contracts/admin';
import { FILING_LABELS, FILING_STATES } from '../../core/filing';
import { call } from '../../services/cloud';
import type { AdminScope } from '../../services/session';
import { choices } from './choices';

/** Filters on the overseers' list; 已退回 are the reopened ones. */
export const STATE_CHOICES = choices({ ...FILING_LABELS, reopened: '已退回' }, FILING_STATES);

/** A district admin's own 其他基层领域 filing, looked for page by page (a district has few filings). */
async function districtFiling(districtId: string): Promise<FilingView | null | string> {
  for (let page = 1; page <= 20; page += 1) {
    const res = await call('admin', 'filings', { districtId, page, pageSize: 50 });
    if (!res.ok) return res.message;
    const own = res.data.items.find((f) => f.kind === 'district' && f.orgId === districtId);
    if (own) return own;
    if (!res.data.hasMore) return null;
  }
  return null;
}

/** The filings this admin files: a unit's own, or a district's grassroots list; a string is the Chinese failure. */
export async function ownFilings(scope: AdminScope): Promise<FilingView[] | string> {
  if (scope.level === 'city') return [];
  if (scope.level === 'district') {
    const own = await districtFiling(scope.orgId);
    return typeof own === 'string' ? own : own ? [own] : [];
  }
  const res = await call('admin', 'filings', { page: 1, pageSize: 50 });
  return res.ok ? res.data.items : res.message;
}

/** The server answers a changed filing without its district name: keep the one the list had. */
export const merged = (before: FilingView, after: FilingView): FilingView => ({
  ...after,
  districtName: after.districtName || before.districtName,
});

export const LOCK_TEXT =
  '备案后名单锁定：不能再通过新的推荐，也不能撤回或修改已通过的人员；如需变更，须由区县团委或团市委退回后重新备案。';

/** Why a unit has nothing to file itself: its list is filed by its district (R4.4). */
export const FILED_BY_DISTRICT = '两新组织和其他基层领域单位的名单由所在区县团委统一备案，本单位无需单独备案。';

/** What one tap of 一键提醒 did, in full (issue 9 §9): reminded, not remindable (no admin), already today. */
export function remindText(r: {
  reminded: Array<{ name: string; admins: number }>;
  noAdmin: string[];
  already: string[];
}): string {
  const lines: string[] = [];
  const admins = r.reminded.reduce((n, x) => n + x.admins, 0);
  if (r.reminded.length > 0)
    lines.push(`已提醒 ${r.reminded.length} 个单位（${admins} 位管理员）：${r.reminded.map((x) => x.name).join('、')}`);
  if (r.already.length > 0) lines.push(`今日已提醒，明天可再次提醒：${r.already.join('、')}`);
  if (r.noAdmin.length > 0)
    lines.push(`无法提醒（尚无管理员账号，请在工作看板“查看尚无管理员的单位”中生成邀请码）：${r.noAdmin.join('、')}`);
  return lines.length > 0 ? lines.join('\n') : '所有单位均已备案，无需提醒';
}
