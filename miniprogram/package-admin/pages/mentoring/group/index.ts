/**
 * 导师服务团 (issue 11): the mentor group of a district or the city — each district's load (mentees / capacity)
 * and every mentor with theirs; an admin pauses a mentor with a reason (no new matches) and resumes them.
 */
import type { DistrictLoad, GroupView, MentorView } from '../../../../core/contracts/mentoring';
import { MentoringReason } from '../../../../core/contracts/mentoring-forms';
import { call } from '../../../../services/cloud';
import { loadAdminScope } from '../../../../services/session';
import { PAGE_SIZE, pagedList } from '../../../../behaviors/paged-list';
import { go, toast } from '../../../../lib/ui';
import { askReason } from '../../../components/reason-dialog/request';
import { textSize } from '../../../../behaviors/text-size';

interface Row {
  id: string;
  name: string;
  org: string;
  detail: string;
  load: string;
  status: string;
  paused: boolean;
  pauseReason: string;
}

function rowOf(m: MentorView): Row {
  return {
    id: m.id,
    name: m.name,
    org: m.orgName || '尚未完善资料',
    detail: [m.sectorLabel, m.districtName, m.expertise.join('、')].filter(Boolean).join(' · '),
    load: `${m.load}/${m.capacity}`,
    status: m.statusLabel,
    paused: m.status === 'paused',
    pauseReason: m.pauseReason ?? '',
  };
}

const districtRow = (d: DistrictLoad) => ({
  id: d.districtId,
  name: d.districtName,
  figure: `${d.mentors} 名导师 · 结对 ${d.load}/${d.capacity}`,
});

const list = pagedList<MentorView, Row, object, GroupView>({
  fetch: (_data, page) => call('mentoring', 'group', { page, pageSize: PAGE_SIZE }),
  row: rowOf,
  extra: (answer) => ({ districts: answer.districts.map(districtRow) }),
});

Component({
  behaviors: [textSize, list],
  data: { districts: [] as Array<ReturnType<typeof districtRow>>, city: false },
  lifetimes: {
    attached() {
      void this.init();
    },
  },
  methods: {
    async init() {
      this.setData({ loading: true, error: '' });
      const who = await loadAdminScope();
      if (!who.ok) return this.setData({ loading: false, error: who.message });
      this.setData({ city: who.scope.level === 'city' });
      await this.loadFirst();
    },
    onRetry() {
      void this.init();
    },
    onExpertise() {
      go('/package-admin/pages/mentoring/expertise/index');
    },

    async onPause(e: WechatMiniprogram.CustomEvent) {
      const row = this.rowFor(e);
      if (!row) return;
      const done = await askReason(this, '.pause-dialog', {
        title: `暂停${row.name}接收结对`,
        label: '暂停原因',
        schema: MentoringReason,
        placeholder: '暂停原因（必填，留档备查）',
        hint: '暂停后不再为其安排新的结对，已有结对不受影响。',
        send: (reason) => call('mentoring', 'pauseMentor', { mentorId: row.id, reason }),
      });
      if (done) this.replace(done);
    },

    async onResume(e: WechatMiniprogram.CustomEvent) {
      const row = this.rowFor(e);
      if (!row) return;
      const res = await call('mentoring', 'resumeMentor', { mentorId: row.id });
      if (!res.ok) return toast(this, res.message);
      this.replace(res.data);
      toast(this, `${row.name}已恢复接收结对`, 'success');
    },

    rowFor(e: WechatMiniprogram.CustomEvent): Row | undefined {
      const { id } = e.currentTarget.dataset as { id?: string };
      return this.data.items.find((r) => r.id === id);
    },
    replace(m: MentorView) {
      const index = this.data.items.findIndex((r) => r.id === m.id);
      if (index >= 0) this.setData({ [`items[${index}]`]: rowOf(m) });
    },
  },
});
