/**
 * 结对管理 (issue 11): batch matching of a district's or the city's selected youths to the mentor group as drafts,
 * reviewed here (another mentor from the suggestions, or removed) and published; and the pool of youths without a
 * mentor, each with the suggested mentors and why.
 */
import type { MatchView, PoolYouthView, SuggestionView } from '../../../../core/contracts/mentoring';
import { call } from '../../../../services/cloud';
import { loadAdminScope } from '../../../../services/session';
import { PAGE_SIZE, pagedList } from '../../../../behaviors/paged-list';
import { confirmModal, toast } from '../../../../lib/ui';
import { textSize } from '../../../../behaviors/text-size';

type Tab = 'drafts' | 'pool';

interface Row {
  id: string;
  nominationId: string;
  youth: string;
  mentor: string;
  explanation: string;
  score: number;
  open: boolean;
  suggestions: SuggestionView[];
}

const draftRow = (d: MatchView): Row => ({
  id: d.id,
  nominationId: d.nominationId,
  youth: `${d.youthName} · ${d.unitName}`,
  mentor: `${d.mentorName} · ${d.mentorOrg}`,
  explanation: d.explanation,
  score: d.score,
  open: false,
  suggestions: [],
});

const poolRow = (y: PoolYouthView): Row => ({
  id: y.nominationId,
  nominationId: y.nominationId,
  youth: `${y.name} · ${y.unitName}`,
  mentor: '',
  explanation: y.goals.length > 0 ? `希望提升：${y.goals.join('、')}` : '尚未填写发展目标',
  score: 0,
  open: false,
  suggestions: [],
});

const list = pagedList<MatchView | PoolYouthView, Row, { tab: Tab }>({
  fetch: (data, page) =>
    data.tab === 'drafts'
      ? call('mentoring', 'drafts', { page, pageSize: PAGE_SIZE })
      : call('mentoring', 'pool', { page, pageSize: PAGE_SIZE }),
  row: (item) => ('mentorId' in item ? draftRow(item) : poolRow(item)),
});

Component({
  behaviors: [textSize, list],
  data: { tab: 'drafts' as Tab, scopeName: '', summary: '', busy: false },
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
      this.setData({ scopeName: who.scope.orgName });
      await this.loadFirst();
    },
    onRetry() {
      void this.init();
    },
    onTabChange(e: WechatMiniprogram.CustomEvent<{ value: Tab }>) {
      if (e.detail.value === this.data.tab) return;
      this.setData({ tab: e.detail.value, items: [] });
      void this.loadFirst();
    },

    async onBatch() {
      const sure = await confirmModal(
        '一键匹配',
        `将为${this.data.scopeName}尚未结对的好青年重新生成结对草案（原有草案将被替换），发布前可逐条调整。`,
        '开始匹配',
      );
      if (!sure || this.data.busy) return;
      this.setData({ busy: true });
      const res = await call('mentoring', 'batchMatch', {});
      this.setData({ busy: false });
      if (!res.ok) return toast(this, res.message);
      const { drafted, unmatched, totalScore } = res.data;
      this.setData({ summary: `已生成 ${drafted} 条草案，总匹配分 ${totalScore}；${unmatched} 人暂无可用导师名额` });
      if (this.data.tab === 'drafts') await this.loadFirst();
    },

    async onPublishAll() {
      if (this.data.busy || this.data.total === 0) return;
      const sure = await confirmModal(
        '发布结对',
        `将发布全部 ${this.data.total} 条草案，并通知导师和青年。`,
        '确认发布',
      );
      if (!sure) return;
      this.setData({ busy: true });
      let published = 0;
      // Fifty at a time: each call publishes its drafts together or not at all.
      for (;;) {
        const page = await call('mentoring', 'drafts', { page: 1, pageSize: 50 });
        if (!page.ok || page.data.items.length === 0) break;
        const res = await call('mentoring', 'publish', { matchIds: page.data.items.map((d) => d.id) });
        if (!res.ok) {
          toast(this, res.message);
          break;
        }
        published += res.data.published;
      }
      this.setData({ busy: false, summary: `已发布 ${published} 条结对，已通知导师和青年` });
      await this.loadFirst();
    },

    async onSuggest(e: WechatMiniprogram.CustomEvent) {
      const { index } = e.currentTarget.dataset as { index?: number };
      const row = typeof index === 'number' ? this.data.items[index] : undefined;
      if (!row || index === undefined) return;
      if (row.open) return this.setData({ [`items[${index}].open`]: false });
      const res = await call('mentoring', 'suggest', { nominationId: row.nominationId });
      if (!res.ok) return toast(this, res.message);
      if (res.data.length === 0) return toast(this, '暂无符合条件且有名额的导师', 'warning');
      this.setData({ [`items[${index}].open`]: true, [`items[${index}].suggestions`]: res.data });
    },

    async onPick(e: WechatMiniprogram.CustomEvent) {
      const { index, mentor } = e.currentTarget.dataset as { index?: number; mentor?: string };
      const row = typeof index === 'number' ? this.data.items[index] : undefined;
      if (!row || !mentor) return;
      const res =
        this.data.tab === 'drafts'
          ? await call('mentoring', 'reassignDraft', { matchId: row.id, mentorId: mentor })
          : await call('mentoring', 'propose', { nominationId: row.nominationId, mentorId: mentor });
      if (!res.ok) return toast(this, res.message);
      if (this.data.tab === 'drafts') this.setData({ [`items[${index}]`]: draftRow(res.data) });
      else this.dropRows((r) => r.id === row.id);
      toast(this, this.data.tab === 'drafts' ? '已更换导师' : '已加入结对草案', 'success');
    },

    async onDiscard(e: WechatMiniprogram.CustomEvent) {
      const { id } = e.currentTarget.dataset as { id?: string };
      const row = this.data.items.find((r) => r.id === id);
      if (!row || !(await confirmModal('移除草案', `移除后${row.youth}将回到待结对名单。`, '移除'))) return;
      const res = await call('mentoring', 'discardDraft', { matchId: row.id });
      if (!res.ok) return toast(this, res.message);
      this.dropRows((r) => r.id === row.id);
    },
  },
});
