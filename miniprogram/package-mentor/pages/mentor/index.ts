/**
 * 导师服务 (issue 11): the mentor's own page — their profile (to complete before any match), and the youths the
 * League paired them with: confirm a published match, or decline it with a reason.
 */
import type { MentorView } from '../../../core/contracts/mentoring';
import { call } from '../../../services/cloud';
import { confirmModal, go, toast } from '../../../lib/ui';
import { declineReasonError, matchRow, type MatchRow } from '../../lib/match';
import { textSize } from '../../../behaviors/text-size';

function profileCard(p: MentorView) {
  return {
    complete: p.complete,
    paused: p.status === 'paused',
    pauseReason: p.pauseReason ?? '',
    org: p.orgName,
    where: [p.sectorLabel, p.districtName].filter(Boolean).join(' · '),
    expertise: p.expertise.join('、'),
    load: `${p.load}/${p.capacity}`,
  };
}

Component({
  behaviors: [textSize],
  data: {
    loading: true,
    error: '',
    profile: null as ReturnType<typeof profileCard> | null,
    items: [] as MatchRow[],
  },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  pageLifetimes: {
    show() {
      if (!this.data.loading) void this.load();
    },
  },
  methods: {
    async load() {
      this.setData({ loading: true, error: '' });
      const [profile, matches] = await Promise.all([
        call('mentoring', 'myProfile', {}),
        call('mentoring', 'myMatches', {}),
      ]);
      if (!profile.ok) return this.setData({ loading: false, error: profile.message });
      if (!matches.ok) return this.setData({ loading: false, error: matches.message });
      this.setData({ loading: false, profile: profileCard(profile.data), items: matches.data.map(matchRow) });
    },
    onRetry() {
      void this.load();
    },
    onAgreement(e: WechatMiniprogram.CustomEvent) {
      const { id } = e.currentTarget.dataset as { id?: string };
      if (id) go(`/package-mentor/pages/agreement/index?id=${id}`);
    },
    onEditProfile() {
      go('/package-mentor/pages/profile/index');
    },

    async onAccept(e: WechatMiniprogram.CustomEvent) {
      const index = this.indexOf(e);
      const row = this.data.items[index];
      if (!row || !(await confirmModal('确认结对', `确认与${row.youth}结对？确认后将通知青年。`, '确认结对'))) return;
      const res = await call('mentoring', 'accept', { matchId: row.id });
      if (!res.ok) return toast(this, res.message);
      this.setData({ [`items[${index}]`]: matchRow(res.data) });
      toast(this, '已确认结对', 'success');
    },

    onDeclineOpen(e: WechatMiniprogram.CustomEvent) {
      const index = this.indexOf(e);
      this.setData({ [`items[${index}].declining`]: !this.data.items[index]?.declining });
    },
    onReasonInput(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const index = this.indexOf(e);
      this.setData({ [`items[${index}].reason`]: e.detail.value, [`items[${index}].reasonError`]: '' });
    },
    async onDeclineConfirm(e: WechatMiniprogram.CustomEvent) {
      const index = this.indexOf(e);
      const row = this.data.items[index];
      if (!row) return;
      const problem = declineReasonError(row.reason);
      if (problem) return this.setData({ [`items[${index}].reasonError`]: problem });
      const res = await call('mentoring', 'decline', { matchId: row.id, reason: row.reason.trim() });
      if (!res.ok) return this.setData({ [`items[${index}].reasonError`]: res.message });
      this.setData({ items: this.data.items.filter((r) => r.id !== row.id) });
      toast(this, '已婉拒，团组织将另行安排', 'success');
    },
    indexOf(e: WechatMiniprogram.CustomEvent): number {
      const { index } = e.currentTarget.dataset as { index?: number };
      return typeof index === 'number' ? index : -1;
    },
  },
});
