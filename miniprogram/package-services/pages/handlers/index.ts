/**
 * 经办人 (issue 12): who handles a type at one organisation — the city's own admins for the city, a district's
 * admins for that district (its own admin or the city assigns them). The cadres are shown by name only; until a
 * type has handlers somewhere, its new requests go to every admin there.
 */
import type { CatalogueEntryView } from '../../../core/contracts/services';
import { confirmModal, toast } from '../../../lib/ui';
import { call, newRequestId } from '../../../services/cloud';
import { loadAdminScope } from '../../../services/session';
import { textSize } from '../../../behaviors/text-size';

interface OrgChip {
  id: string;
  name: string;
}
interface Candidate {
  openid: string;
  name: string;
  selected: boolean;
}

Component({
  behaviors: [textSize],
  data: {
    loading: true,
    error: '',
    type: null as CatalogueEntryView | null,
    orgs: [] as OrgChip[],
    orgId: '',
    candidates: [] as Candidate[],
    listing: false,
    listError: '',
    saving: false,
    requestId: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ requestId: newRequestId() });
      void this.load(query.id ?? '');
    },
    async load(typeId: string) {
      this.setData({ loading: true, error: '' });
      const who = await loadAdminScope();
      if (!who.ok) return this.setData({ loading: false, error: who.message });
      const [types, districts] = await Promise.all([
        call('services', 'types', {}),
        who.scope.level === 'city' ? call('account', 'listDistricts', {}) : Promise.resolve(null),
      ]);
      if (!types.ok) return this.setData({ loading: false, error: types.message });
      const type = types.data.find((t) => t.id === typeId);
      if (!type) return this.setData({ loading: false, error: '该服务类型不存在' });
      const orgs: OrgChip[] =
        who.scope.level === 'city'
          ? [
              { id: who.scope.orgId, name: '团市委' },
              // listDistricts also names the city's own units (市级单位) under the city's id.
              ...(districts?.ok
                ? districts.data.filter((d) => d._id !== who.scope.orgId).map((d) => ({ id: d._id, name: d.name }))
                : []),
            ]
          : [{ id: who.scope.orgId, name: who.scope.orgName }];
      wx.setNavigationBarTitle({ title: `${type.name} · 经办人` });
      // A district-owned type is handled where the youth lives: start with the first district for the city.
      const first = type.owner === 'district' && orgs.length > 1 ? orgs[1] : orgs[0];
      this.setData({ loading: false, type, orgs });
      await this.pick(first.id);
    },
    onRetry() {
      const type = this.data.type;
      void this.load(type ? type.id : '');
    },
    onOrg(e: WechatMiniprogram.CustomEvent) {
      void this.pick((e.currentTarget.dataset as { id: string }).id);
    },
    /** The admins of `orgId` who may handle the type there, those assigned ticked. */
    async pick(orgId: string) {
      const type = this.data.type;
      if (!type) return;
      this.setData({ orgId, listing: true, listError: '', candidates: [] });
      const res = await call('services', 'candidates', { orgId });
      if (this.data.orgId !== orgId) return; // another organisation was tapped meanwhile
      if (!res.ok) return this.setData({ listing: false, listError: res.message });
      const assigned = new Set(type.handlers.filter((h) => h.orgId === orgId).map((h) => h.openid));
      const candidates = res.data.map((c) => ({
        openid: c.openid,
        name: c.name || '未署名管理员',
        selected: assigned.has(c.openid),
      }));
      this.setData({ listing: false, candidates });
    },
    onToggle(e: WechatMiniprogram.CustomEvent) {
      const { index } = e.currentTarget.dataset as { index: number };
      const c = this.data.candidates[index];
      if (c) this.setData({ [`candidates[${index}].selected`]: !c.selected });
    },
    async onSave() {
      const type = this.data.type;
      if (!type || this.data.saving) return;
      const chosen = this.data.candidates.filter((c) => c.selected);
      const org = this.data.orgs.find((o) => o.id === this.data.orgId)?.name ?? '';
      const names = chosen.map((c) => c.name).join('、');
      const content = chosen.length
        ? `${org}的${type.name}申请由${names}办理？`
        : `不设经办人时，${org}的${type.name}新申请会通知${org}的全部管理员。确定清空？`;
      if (!(await confirmModal('设置经办人', content, '确定'))) return;
      this.setData({ saving: true });
      const input = { typeId: type.id, orgId: this.data.orgId, openids: chosen.map((c) => c.openid) };
      const res = await call('services', 'setHandlers', input, this.data.requestId);
      this.setData({ saving: false });
      if (!res.ok) return toast(this, res.message);
      this.setData({ type: res.data, requestId: newRequestId() });
      toast(this, '已保存', 'success');
    },
  },
});
