/**
 * The units behind a dashboard figure (issue 9: drill-down) — uncovered, 无名额, 两新 of a district, unfiled… —
 * and the units without an admin account, which the district reviews for (issue 9 §2): each of those has a
 * one-tap invitation for its admin (account.issueInvite), shown with the code and the link to hand over.
 */
import type { UnitList, UnitRow } from '../../../../core/contracts/admin';
import { FILING_LABELS } from '../../../../core/filing';
import { CATEGORY_LABELS } from '../../../../core/org';
import { call } from '../../../../services/cloud';
import { loadSession } from '../../../../services/session';
import { PAGE_SIZE, pagedList } from '../../../../behaviors/paged-list';
import { chinaDateTime } from '../../../../lib/format';
import { toast } from '../../../../lib/ui';
import { textSize } from '../../../../behaviors/text-size';

export const LIST_TITLES: Record<UnitList, string> = {
  all: '全部单位',
  approved: '已有好青年通过的单位',
  uncovered: '未覆盖单位',
  exempt: '无名额单位（不计入覆盖）',
  twoNew: '两新组织',
  unfiled: '尚未备案的单位',
  filed: '已备案的单位',
  noAdmin: '尚无管理员的单位',
};

const NOTES: Partial<Record<UnitList, string>> = {
  noAdmin:
    '这些单位尚无管理员账号，其推荐由区县团委（市级单位由团市委）代为审核。生成邀请码发给单位团组织负责人，对方凭码开通后即由本单位审核。',
  exempt: '名额为0的机关、国企、央企单位无法选树，不计入未覆盖；调整名额后即须覆盖。',
};

interface Row extends UnitRow {
  categoryLabel: string;
  places: string;
  filingLabel: string;
  invite: { code: string; link: string; expiresAt: string } | null;
}

const rowOf = (u: UnitRow): Row => ({
  ...u,
  categoryLabel: CATEGORY_LABELS[u.category],
  places: `名额${u.limit}名，已通过${u.approved}名`,
  filingLabel: FILING_LABELS[u.filing],
  invite: null,
});

/** The page a new admin opens with the code filled in. */
export const inviteLink = (code: string): string => `/package-youth/pages/account/invite/index?code=${code}`;

const list = pagedList({
  fetch: (data: { show: UnitList; districtId: string }, page: number) =>
    call('admin', 'units', {
      show: data.show,
      ...(data.districtId ? { districtId: data.districtId } : {}),
      page,
      pageSize: PAGE_SIZE,
    }),
  row: rowOf,
});

Component({
  behaviors: [textSize, list],
  data: { show: 'all' as UnitList, districtId: '', title: '', note: '', invitingId: '' },
  methods: {
    onLoad(query: { show?: string; districtId?: string }) {
      const show = (query.show && query.show in LIST_TITLES ? query.show : 'all') as UnitList;
      const title = LIST_TITLES[show];
      this.setData({ show, districtId: query.districtId ?? '', title, note: NOTES[show] ?? '' });
      void this.init();
    },
    async init() {
      const me = await loadSession();
      if (!me.ok) return this.setData({ loading: false, error: me.message });
      await this.loadFirst();
    },

    /** One tap: an invitation for the unit's admin, shown with its link (issue 9 §2). */
    async onInvite(e: WechatMiniprogram.CustomEvent) {
      const { id } = e.currentTarget.dataset as { id?: string };
      const index = (this.data.items as Row[]).findIndex((u) => u.unitId === id);
      if (!id || index < 0 || this.data.invitingId) return;
      this.setData({ invitingId: id });
      const res = await call('account', 'issueInvite', { role: 'unitAdmin', orgId: id });
      this.setData({ invitingId: '' });
      if (!res.ok) return toast(this, res.message);
      const invite = {
        code: res.data.code,
        link: inviteLink(res.data.code),
        expiresAt: chinaDateTime(res.data.expiresAt),
      };
      this.setData({ [`items[${index}].invite`]: invite });
    },

    onCopy(e: WechatMiniprogram.CustomEvent) {
      const { text } = e.currentTarget.dataset as { text?: string };
      if (text) wx.setClipboardData({ data: text, fail: () => toast(this, '复制失败，请长按文字手动复制') });
    },
  },
});
