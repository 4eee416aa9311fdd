/**
 * 我的数据 (issue 14, R9.2): everything the programme holds about the youth, the yearly confirmation of unit,
 * post (with 任现岗位时间, optional: honours campaigns count years in post from it) and phone (a change of unit,
 * post or its start date goes to the new unit for review), a download of the data, and the
 * request for erasure, which is the withdrawal of the consent (its erasure path: account.withdrawConsent).
 */
import type { MyDataView, MyRecordView } from '../../../core/contracts/registry';
import { textSize } from '../../../behaviors/text-size';
import { call } from '../../../services/cloud';
import { chinaDate } from '../../../core/china-time';
import { chinaDateText } from '../../../lib/format';
import { confirmModal, toast } from '../../../lib/ui';
import { openFile } from '../../lib/files';

const PHONE = /^1[3-9]\d{9}$/;

Component({
  behaviors: [textSize],
  data: {
    loading: true,
    error: '',
    mine: null as MyRecordView | null,
    data: null as MyDataView | null,
    confirmedOn: '',
    editing: false,
    unit: null as { id: string; name: string } | null,
    post: '',
    postSince: '',
    today: '',
    phone: '',
    errors: {} as Record<string, string>,
    saving: false,
  },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  methods: {
    async load() {
      this.setData({ loading: true, error: '' });
      const [mine, data] = await Promise.all([call('registry', 'myRecord', {}), call('registry', 'myData', {})]);
      if (!mine.ok) return this.setData({ loading: false, error: mine.message });
      if (!data.ok) return this.setData({ loading: false, error: data.message });
      const r = mine.data.record;
      this.setData({
        loading: false,
        mine: mine.data,
        data: data.data,
        confirmedOn: r ? chinaDateText(r.lastConfirmedAt) : '',
        unit: r ? { id: r.unitId, name: r.unitName } : null,
        post: r?.post ?? '',
        postSince: r?.postSince ?? '',
        today: chinaDate(new Date()),
        phone: '',
        editing: false,
      });
    },
    onRetry() {
      void this.load();
    },
    async onConfirm() {
      const r = this.data.mine?.record;
      if (!r) return;
      await this.send({ unitId: r.unitId, post: r.post });
    },
    onEdit() {
      this.setData({ editing: !this.data.editing, errors: {} });
    },
    onUnit(e: WechatMiniprogram.CustomEvent<{ unit: { id: string; name: string } | null }>) {
      if (e.detail.unit) this.setData({ unit: e.detail.unit });
    },
    onPost(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ post: e.detail.value, 'errors.post': '' });
    },
    onPostSince(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ postSince: e.detail.value });
    },
    onPhone(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ phone: e.detail.value, 'errors.phone': '' });
    },
    async onCorrect() {
      const post = this.data.post.trim();
      const phone = this.data.phone.trim();
      const errors: Record<string, string> = {};
      if (!post) errors.post = '请填写岗位';
      if (phone && !PHONE.test(phone)) errors.phone = '请输入11位手机号';
      if (Object.keys(errors).length > 0 || !this.data.unit) return this.setData({ errors });
      const { postSince } = this.data;
      await this.send({
        unitId: this.data.unit.id,
        post,
        ...(postSince ? { postSince } : {}),
        ...(phone ? { phone } : {}),
      });
    },
    async send(input: { unitId: string; post: string; postSince?: string; phone?: string }) {
      this.setData({ saving: true });
      const res = await call('registry', 'confirmMine', input);
      this.setData({ saving: false });
      if (!res.ok) return toast(this, res.message);
      const record = res.data.record;
      const pending = record?.pendingChange;
      // A change within the same unit (post, 任现岗位时间) is reviewed by the unit itself.
      const reviewer = pending && pending.unitId === record?.unitId ? '单位' : '新单位';
      toast(this, pending ? `已提交，待${reviewer}审核` : '已确认，谢谢', 'success');
      await this.load();
    },
    async onDownload() {
      const res = await call('registry', 'downloadMyData', {});
      if (!res.ok) return toast(this, res.message);
      if (!(await openFile(res.data.url, 'json', res.data.fileName))) toast(this, '下载失败，请重试');
    },
    async onErase() {
      const ok = await confirmModal(
        '申请删除个人信息',
        '将撤回个人信息处理授权：进行中的推荐随之撤回，身份证号和手机号将被删除（已备案名单按规定保留）。确定吗？',
        '确定删除',
      );
      if (!ok) return;
      const res = await call('account', 'withdrawConsent', {});
      if (!res.ok) return toast(this, res.message);
      toast(this, '已撤回授权，相关信息将按规定删除', 'success');
      await this.load();
    },
  },
});
