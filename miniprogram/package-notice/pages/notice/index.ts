/**
 * 公示 (R8): the selected youths of the period for anyone to see — name, unit,
 * post, political status, education; deeds only where the youth consented
 * (R8.1); never ID numbers or phones. Anyone may raise an objection.
 */
import type { NoticeItem } from '../../../core/contracts/admin';
import { EDUCATION_LABELS, POLITICAL_STATUS_LABELS } from '../../../core/profile';
import { call } from '../../../services/cloud';
import { PAGE_SIZE, pagedList } from '../../../behaviors/paged-list';
import { chinaDateText, SEX_LABELS } from '../../../lib/format';
import { go } from '../../../lib/ui';
import { textSize } from '../../../behaviors/text-size';

/** Deeds longer than this fold behind 展开. */
const DEEDS_PREVIEW = 60;

interface NoticeRow {
  id: string;
  name: string;
  sex: string;
  unitName: string;
  post: string;
  profile: string;
  deeds: string;
  deedsShort: string;
  long: boolean;
  open: boolean;
}

function rowOf(n: NoticeItem): NoticeRow {
  const deeds = n.deeds ?? '';
  return {
    id: n.nominationId,
    name: n.name,
    sex: SEX_LABELS[n.sex],
    unitName: n.unitName,
    post: n.post,
    profile: `${POLITICAL_STATUS_LABELS[n.politicalStatus]} · ${EDUCATION_LABELS[n.education]}`,
    deeds,
    deedsShort: deeds.length > DEEDS_PREVIEW ? `${deeds.slice(0, DEEDS_PREVIEW)}…` : deeds,
    long: deeds.length > DEEDS_PREVIEW,
    open: false,
  };
}

const list = pagedList({
  fetch: (data: { keyword: string }, page: number) => {
    const keyword = data.keyword.trim();
    return call('notice', 'list', { ...(keyword ? { keyword } : {}), page, pageSize: PAGE_SIZE });
  },
  row: rowOf,
  extra: (answer) => ({
    periodName: answer.periodName,
    noticeUntil: chinaDateText(answer.noticeUntil),
    contact: answer.contact ?? '',
  }),
});

Component({
  behaviors: [textSize, list],
  data: {
    periodName: '',
    noticeUntil: '',
    contact: '',
  },
  lifetimes: {
    attached() {
      void this.loadFirst();
    },
  },
  methods: {
    onToggleDeeds(e: WechatMiniprogram.CustomEvent) {
      const { index } = e.currentTarget.dataset as { index?: number };
      if (typeof index !== 'number' || !this.data.items[index]) return;
      this.setData({ [`items[${index}].open`]: !this.data.items[index].open });
    },

    onObject(e: WechatMiniprogram.CustomEvent) {
      const { id } = e.currentTarget.dataset as { id?: string };
      const row = this.data.items.find((n) => n.id === id);
      if (!row) return;
      go(
        `/package-notice/pages/notice/object/index?id=${encodeURIComponent(row.id)}&name=${encodeURIComponent(row.name)}`,
      );
    },
  },
});
