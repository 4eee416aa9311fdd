/**
 * 培养记录 (issue 13): one 好青年's cultivation timeline — postings, talks, trainings, newest first, with the
 * records waiting for the unit — and the Party development record. A youth opens their own and adds a record;
 * a cadre opens a youth of their units (`?id=`), records a measure, confirms or declines the youth's records and
 * records the steps of Party development (each behind a confirmation: a step is not undone).
 */
import type { PartyEvent, ReserveEvent } from '../../../core/cultivation';
import type { TimelineView } from '../../../core/contracts/cultivation';
import { call } from '../../../services/cloud';
import { confirmModal, go, toast } from '../../../lib/ui';
import { textSize } from '../../../behaviors/text-size';
import {
  coverageLines,
  measureRow,
  partyCard,
  reserveCard,
  todayInChina,
  type MeasureRow,
  type PartyCard,
} from '../../lib/rows';

Component({
  behaviors: [textSize],
  data: {
    id: '',
    loading: true,
    error: '',
    name: '',
    unitName: '',
    canManage: false,
    partyOnly: false,
    coverage: [] as string[],
    measures: [] as MeasureRow[],
    party: null as PartyCard | null,
    reserve: null as ReturnType<typeof reserveCard> | null,
    canDecideReserve: false,
    reserveReason: '',
    today: '',
    stepDate: '',
    leagueOrg: '',
    declining: '',
    reason: '',
    busy: false,
  },
  methods: {
    onLoad(query: { id?: string }) {
      const today = todayInChina();
      this.setData({ id: query.id ? decodeURIComponent(query.id) : '', today, stepDate: today });
      void this.load();
    },
    onShow() {
      // Back from the record form: show what was added.
      if (!this.data.loading && !this.data.error) void this.load();
    },
    async load() {
      this.setData({ loading: this.data.name === '', error: '' });
      const res = await call('cultivation', 'timeline', this.data.id ? { nominationId: this.data.id } : {});
      if (!res.ok) return this.setData({ loading: false, error: res.message });
      this.show(res.data);
    },
    show(t: TimelineView) {
      this.setData({
        loading: false,
        name: t.name,
        unitName: t.unitName,
        canManage: t.canManage,
        partyOnly: t.partyOnly,
        coverage: t.partyOnly ? [] : coverageLines(t.coverage),
        measures: t.measures.map(measureRow),
        party: t.party ? partyCard(t.party) : null,
        reserve: t.reserve ? reserveCard(t.reserve) : null,
        canDecideReserve: t.canDecideReserve,
        reserveReason: '',
      });
    },
    onRetry() {
      void this.load();
    },
    onAdd() {
      go(`/package-cultivation/pages/record/index${this.data.id ? `?id=${encodeURIComponent(this.data.id)}` : ''}`);
    },
    async onConfirm(e: WechatMiniprogram.CustomEvent) {
      const { id } = e.currentTarget.dataset as { id: string };
      const res = await call('cultivation', 'decideMeasure', { measureId: id, decision: 'confirm' });
      if (!res.ok) return toast(this, res.message);
      toast(this, '已确认', 'success');
      void this.load();
    },
    onDeclineOpen(e: WechatMiniprogram.CustomEvent) {
      const { id } = e.currentTarget.dataset as { id: string };
      this.setData({ declining: this.data.declining === id ? '' : id, reason: '' });
    },
    onReason(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ reason: e.detail.value });
    },
    async onDecline() {
      const reason = this.data.reason.trim();
      if (reason.length < 4) return toast(this, '请填写不予确认的原因（至少4个字）', 'warning');
      const res = await call('cultivation', 'decideMeasure', {
        measureId: this.data.declining,
        decision: 'decline',
        reason,
      });
      if (!res.ok) return toast(this, res.message);
      this.setData({ declining: '', reason: '' });
      toast(this, '已退回，青年将收到原因', 'success');
      void this.load();
    },
    onDate(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ stepDate: e.detail.value });
    },
    onLeagueOrg(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ leagueOrg: e.detail.value });
    },
    async onApply() {
      if (!(await confirmModal('登记入党申请', `确认${this.data.name}于${this.data.stepDate}提交入党申请？`))) return;
      await this.send(() =>
        call('cultivation', 'startParty', { nominationId: this.data.id, date: this.data.stepDate }),
      );
    },
    async onStep(e: WechatMiniprogram.CustomEvent) {
      const { event, label } = e.currentTarget.dataset as { event: PartyEvent; label: string };
      const org = this.data.leagueOrg.trim();
      if (event === 'recommend' && !org) return toast(this, '请填写推优团组织', 'warning');
      if (!(await confirmModal(label, `确认${this.data.name}于${this.data.stepDate}${label}？登记后不可撤销。`)))
        return;
      await this.send(() =>
        call('cultivation', 'advanceParty', {
          nominationId: this.data.id,
          event,
          date: this.data.stepDate,
          ...(event === 'recommend' ? { leagueOrg: org } : {}),
        }),
      );
    },
    onReserveReason(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ reserveReason: e.detail.value });
    },
    async onReserve(e: WechatMiniprogram.CustomEvent) {
      const { event, label } = e.currentTarget.dataset as { event: ReserveEvent | 'nominate'; label: string };
      const reason = this.data.reserveReason.trim();
      if (reason.length < 4) return toast(this, '请填写理由（至少4个字）', 'warning');
      if (!(await confirmModal(label, `确认${label}：${this.data.name}？`))) return;
      const nominationId = this.data.id;
      await this.send(() =>
        event === 'nominate'
          ? call('cultivation', 'nominateReserve', { nominationId, reason })
          : call('cultivation', 'decideReserve', { nominationId, event, reason }),
      );
    },
    async send(run: () => Promise<{ ok: boolean; message?: string }>) {
      this.setData({ busy: true });
      const res = await run();
      this.setData({ busy: false });
      if (!res.ok) return toast(this, res.message ?? '');
      toast(this, '已登记', 'success');
      void this.load();
    },
  },
});
