/**
 * 登记入党申请 (issue 13, R6): the unit's active youths of the youth database, the 好青年 first; a unit admin
 * picks one, sets the application date and whether the youth is a League member (a 好青年's nomination decides
 * that instead), confirms, and lands on the youth's Party record. A youth who has one opens it instead.
 */
import type { PartyCandidate } from '../../../core/contracts/cultivation';
import { call } from '../../../services/cloud';
import { PAGE_SIZE, pagedList } from '../../../behaviors/paged-list';
import { textSize } from '../../../behaviors/text-size';
import { confirmModal, go, toast } from '../../../lib/ui';
import { candidateRow, todayInChina } from '../../lib/rows';

const list = pagedList({
  fetch: (data: { unitId: string; keyword: string }, page: number) =>
    call('cultivation', 'partyCandidates', {
      page,
      pageSize: PAGE_SIZE,
      ...(data.unitId ? { unitId: data.unitId } : {}),
      ...(data.keyword.trim() ? { keyword: data.keyword.trim() } : {}),
    }),
  row: (c: PartyCandidate) => candidateRow(c),
});

const timeline = (id: string) => go(`/package-cultivation/pages/timeline/index?id=${encodeURIComponent(id)}`);

Component({
  behaviors: [textSize, list],
  data: {
    unitId: '',
    today: '',
    chosen: null as ReturnType<typeof candidateRow> | null,
    date: '',
    leagueMember: true,
    busy: false,
  },
  methods: {
    onLoad(query: { unitId?: string }) {
      const today = todayInChina();
      this.setData({ unitId: query.unitId ? decodeURIComponent(query.unitId) : '', today, date: today });
      void this.loadFirst();
    },
    onPick(e: WechatMiniprogram.CustomEvent) {
      const { id } = e.currentTarget.dataset as { id: string };
      const row = this.data.items.find((r) => r.id === id);
      if (!row) return;
      if (row.recordId) return timeline(row.recordId);
      this.setData({ chosen: row, date: this.data.today, leagueMember: true });
    },
    onDate(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ date: e.detail.value });
    },
    onLeague() {
      this.setData({ leagueMember: !this.data.leagueMember });
    },
    onCancel() {
      this.setData({ chosen: null });
    },
    async onSubmit() {
      const chosen = this.data.chosen;
      if (!chosen || this.data.busy) return;
      const ok = await confirmModal(
        '登记入党申请',
        `登记${chosen.name}于${this.data.date}提交入党申请？登记后不能撤销。`,
      );
      if (!ok) return;
      this.setData({ busy: true });
      const res = await call('cultivation', 'startPartyForYouth', {
        youthId: chosen.id,
        date: this.data.date,
        leagueMember: this.data.leagueMember,
      });
      this.setData({ busy: false });
      if (!res.ok) return toast(this, res.message);
      toast(this, '已登记入党申请', 'success');
      this.setData({ chosen: null });
      timeline(res.data.nominationId);
    },
  },
});
