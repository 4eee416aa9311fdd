/**
 * 推优入党 (issue 13, R6): the Party development pipeline of a unit, a district or the city — the 好青年 first
 * (R6.2), counts per stage drawn as bars and as chips (tap one to narrow), the unit's separate quota (名额单列) where it has one, and the
 * applicants whose 28th birthday is near without 推优. Tap a youth for their record and the next step.
 */
import type { PartyStage } from '../../../core/cultivation';
import type { PartyView, PipelineView } from '../../../core/contracts/cultivation';
import { call } from '../../../services/cloud';
import { PAGE_SIZE, pagedList } from '../../../behaviors/paged-list';
import { textSize } from '../../../behaviors/text-size';
import { go } from '../../../lib/ui';
import { pipelineChart, pipelineRow } from '../../lib/rows';

const list = pagedList({
  fetch: (data: { stage: PartyStage | ''; unitId: string }, page: number) =>
    call('cultivation', 'pipeline', {
      page,
      pageSize: PAGE_SIZE,
      ...(data.stage ? { stage: data.stage } : {}),
      ...(data.unitId ? { unitId: data.unitId } : {}),
    }),
  row: (p: PartyView) => pipelineRow(p),
  extra: (answer: PipelineView) => ({
    scopeName: answer.scopeName,
    counts: answer.counts,
    chart: pipelineChart(answer.counts),
    quota: answer.quota ? `${answer.quota.year}年推优名额单列：已用 ${answer.quota.used} / ${answer.quota.limit}` : '',
    applyUnitId: answer.unitId ?? '',
  }),
});

Component({
  behaviors: [textSize, list],
  data: {
    stage: '' as PartyStage | '',
    unitId: '',
    scopeName: '',
    counts: [] as PipelineView['counts'],
    chart: pipelineChart([]),
    quota: '',
    applyUnitId: '',
  },
  methods: {
    onLoad(query: { unitId?: string }) {
      this.setData({ unitId: query.unitId ?? '' });
      void this.loadFirst();
    },
    onStage(e: WechatMiniprogram.CustomEvent) {
      const { stage } = e.currentTarget.dataset as { stage: PartyStage };
      this.setData({ stage: this.data.stage === stage ? '' : stage });
      void this.loadFirst();
    },
    onApply() {
      go(`/package-cultivation/pages/apply/index?unitId=${encodeURIComponent(this.data.applyUnitId)}`);
    },
    onYouth(e: WechatMiniprogram.CustomEvent) {
      const { id } = e.currentTarget.dataset as { id: string };
      go(`/package-cultivation/pages/timeline/index?id=${encodeURIComponent(id)}`);
    },
  },
});
