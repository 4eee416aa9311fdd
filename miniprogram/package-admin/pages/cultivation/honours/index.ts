/**
 * 评优评先 (issue 13, R5.2): the open honours campaigns; the city opens one (a name such as 优秀共青团员 or
 * 青年五四奖章, the political statuses it admits, the oldest age, the fewest years in the current post, a closing
 * date). A youth whose record has no post start date does not meet a years-in-post criterion: the page says how
 * many were left out for it. A cadre picks a campaign and
 * reads the shortlist of their 好青年 who meet it, ranked by their cultivation record, and opens a youth's
 * pre-filled recommendation form as Word.
 */
import type { Paged } from '../../../../core/contracts/common';
import type { CampaignView, ShortlistRow } from '../../../../core/contracts/cultivation';
import { chinaDate } from '../../../../core/china-time';
import { POLITICAL_STATUS_LABELS, POLITICAL_STATUSES } from '../../../../core/profile';
import { call } from '../../../../services/cloud';
import { loadAdminScope } from '../../../../services/session';
import { PAGE_SIZE, pagedList } from '../../../../behaviors/paged-list';
import { textSize } from '../../../../behaviors/text-size';
import { confirmModal, toast } from '../../../../lib/ui';
import { absoluteLink, openDocument } from '../../../lib/links';

/** The honours the notice names (R5.2); the city may name others. */
const HONOURS = ['优秀共产党员', '优秀团干部', '优秀共青团员', '青年五四奖章', '青年岗位能手'];

const row = (r: ShortlistRow) => ({
  id: r.nominationId,
  name: r.name,
  line: `${r.unitName} · ${r.politicalStatus} · ${r.age}周岁${r.yearsInPost === null ? '' : ` · 任现岗位${r.yearsInPost}年`}`,
  score: `培养记录 ${r.measures} 项 · 积分 ${r.score}`,
});

/** A whole number typed in a field: undefined when left empty, null when not one between `min` and `max`. */
function optionalInt(typed: string, min: number, max: number): number | undefined | null {
  if (typed.trim() === '') return undefined;
  const n = Number(typed);
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
}

type ShortlistView = Paged<ShortlistRow> & { campaign: CampaignView; missingPostSince: number };

const list = pagedList({
  fetch: (data: { campaignId: string }, page: number) =>
    call('cultivation', 'shortlist', { campaignId: data.campaignId, page, pageSize: PAGE_SIZE }),
  row,
  extra: (answer: ShortlistView) => ({
    missing:
      answer.missingPostSince > 0
        ? `另有 ${answer.missingPostSince} 名好青年未登记任现岗位时间，未列入（本人可在“我的数据”中填写）`
        : '',
  }),
});

Component({
  behaviors: [textSize, list],
  data: {
    city: false,
    campaigns: [] as CampaignView[],
    campaignId: '',
    criteria: '',
    honours: HONOURS,
    statuses: POLITICAL_STATUSES.map((id) => ({ id, label: POLITICAL_STATUS_LABELS[id], checked: false })),
    name: '',
    maxAge: '',
    minYears: '',
    missing: '',
    closingDate: '',
    today: '',
    creating: false,
    link: '',
  },
  methods: {
    onLoad() {
      const today = chinaDate(new Date());
      this.setData({ today, closingDate: today });
      void this.init();
    },
    async init() {
      const who = await loadAdminScope();
      if (!who.ok) return this.setData({ loading: false, error: who.message });
      this.setData({ city: who.scope.level === 'city' });
      await this.loadCampaigns();
    },
    async loadCampaigns() {
      const res = await call('cultivation', 'campaigns', {});
      if (!res.ok) return this.setData({ loading: false, error: res.message });
      const first = res.data[0];
      this.setData({ campaigns: res.data, campaignId: first?.id ?? '', criteria: first?.criteria ?? '' });
      if (first) await this.loadFirst();
      else this.setData({ loading: false, items: [] });
    },
    onCampaign(e: WechatMiniprogram.CustomEvent) {
      const { id } = e.currentTarget.dataset as { id: string };
      const c = this.data.campaigns.find((x) => x.id === id);
      if (!c) return;
      this.setData({ campaignId: id, criteria: c.criteria, link: '' });
      void this.loadFirst();
    },
    onHonour(e: WechatMiniprogram.CustomEvent) {
      const { name } = e.currentTarget.dataset as { name: string };
      this.setData({ name });
    },
    onStatus(e: WechatMiniprogram.CustomEvent) {
      const { index } = e.currentTarget.dataset as { index: number };
      this.setData({ [`statuses[${index}].checked`]: !this.data.statuses[index].checked });
    },
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const { field } = e.currentTarget.dataset as { field: string };
      this.setData({ [field]: e.detail.value });
    },
    async onCreate() {
      const name = this.data.name.trim();
      if (!name) return toast(this, '请填写或选择评选名称', 'warning');
      const maxAge = optionalInt(this.data.maxAge, 18, 60);
      if (maxAge === null) return toast(this, '年龄上限应为18至60之间的整数', 'warning');
      const minYears = optionalInt(this.data.minYears, 1, 40);
      if (minYears === null) return toast(this, '任职年限应为1至40之间的整数', 'warning');
      if (!(await confirmModal('发起评选', `发起“${name}”评选，截止${this.data.closingDate}？`))) return;
      this.setData({ creating: true });
      const res = await call('cultivation', 'createCampaign', {
        name,
        politicalStatuses: this.data.statuses.filter((s) => s.checked).map((s) => s.id),
        closingDate: this.data.closingDate,
        ...(maxAge !== undefined ? { maxAge } : {}),
        ...(minYears !== undefined ? { minYearsInPost: minYears } : {}),
      });
      this.setData({ creating: false });
      if (!res.ok) return toast(this, res.message);
      toast(this, '已发起评选', 'success');
      this.setData({ name: '', maxAge: '', minYears: '' });
      await this.loadCampaigns();
    },
    async onForm(e: WechatMiniprogram.CustomEvent) {
      const { id } = e.currentTarget.dataset as { id: string };
      const res = await call('cultivation', 'campaignForm', { campaignId: this.data.campaignId, nominationId: id });
      if (!res.ok) return toast(this, res.message);
      const link = absoluteLink(res.data.url);
      this.setData({ link });
      if (!(await openDocument(link, 'docx'))) toast(this, '文件打开失败，可复制下方链接在电脑上下载');
    },
  },
});
