/**
 * Invitation codes: anyone redeems one (cadres and mentors get their role this
 * way); city and district admins issue them for the level below.
 */
import type { GrantView, MeOutput } from '../../../core/contracts/account';
import { INVITABLE_BY, ROLE_LABELS, type Role } from '../../../core/org';
import { call } from '../../../services/cloud';
import { chinaDateTime } from '../../../lib/format';
import { toast } from '../../../lib/ui';

const CODE = /^[A-Z0-9]{8}$/;
const NAME_MAX = 20;

interface Option {
  value: string;
  label: string;
}

/** Roles the caller may invite, each with the grant that allows it (its org scopes the choice). */
function invitableRoles(roles: GrantView[]): Option[] {
  const seen = new Set<Role>();
  for (const g of roles) for (const r of INVITABLE_BY[g.role]) seen.add(r);
  return [...seen].map((r) => ({ value: r, label: ROLE_LABELS[r] }));
}

const grantOf = (me: MeOutput, role: Role): GrantView | undefined => me.roles.find((g) => g.role === role);

/** Keeps what the user typed to the code alphabet, upper-cased. */
const normalizeCode = (raw: string): string => raw.toUpperCase().replace(/[^A-Z0-9]/g, '');

Component({
  data: {
    code: '',
    codeTip: '',
    name: '',
    canRedeem: false,
    redeeming: false,
    redeemError: '',

    /** Issuing, for city and district admins. */
    issuer: false,
    cityOrgId: '',
    ownDistrictId: '',
    roleOptions: [] as Option[],
    role: '' as Role | '',
    districts: [] as Option[],
    orgId: '',
    orgText: '',
    issuing: false,
    issueError: '',
    issued: null as { code: string; expiresAt: string; what: string } | null,
  },
  lifetimes: {
    attached() {
      void this.loadMe();
    },
  },
  methods: {
    async loadMe() {
      const me = await call('account', 'me', {});
      if (!me.ok) {
        toast(this, me.message);
        return;
      }
      if (me.data.displayName && !this.data.name) this.setData({ name: me.data.displayName });
      const roleOptions = invitableRoles(me.data.roles);
      this.setData({
        issuer: roleOptions.length > 0,
        roleOptions,
        cityOrgId: grantOf(me.data, 'cityAdmin')?.orgId ?? '',
        ownDistrictId: grantOf(me.data, 'districtAdmin')?.orgId ?? '',
      });
      this.refreshRedeem();
    },

    /* ----------------------------------------------------------- redeem */

    refreshRedeem() {
      const name = this.data.name.trim();
      this.setData({ canRedeem: CODE.test(this.data.code) && name.length > 0 && name.length <= NAME_MAX });
    },

    onCode(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const code = normalizeCode(e.detail.value).slice(0, 8);
      const codeTip = code.length > 0 && code.length < 8 ? `邀请码为8位字母或数字（已输入${code.length}位）` : '';
      this.setData({ code, codeTip, redeemError: '' });
      this.refreshRedeem();
    },

    onName(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ name: e.detail.value, redeemError: '' });
      this.refreshRedeem();
    },

    async onRedeem() {
      if (!this.data.canRedeem || this.data.redeeming) return;
      this.setData({ redeeming: true, redeemError: '' });
      const res = await call('account', 'redeemInvite', { code: this.data.code, displayName: this.data.name.trim() });
      this.setData({ redeeming: false });
      if (!res.ok) {
        this.setData({ redeemError: res.message });
        toast(this, res.message);
        return;
      }
      wx.reLaunch({ url: '/pages/home/index' });
    },

    /* ------------------------------------------------------------ issue */

    onRoleTap(e: WechatMiniprogram.CustomEvent) {
      const role = (e.currentTarget.dataset as { value?: Role }).value;
      if (!role || role === this.data.role) return;
      this.setData({ role, orgId: '', orgText: '', issued: null, issueError: '' });
      if (role === 'mentor') this.setData({ orgId: this.data.cityOrgId, orgText: '团市委（导师服务团）' });
      if (role === 'districtAdmin') void this.loadDistricts();
    },

    async loadDistricts() {
      if (this.data.districts.length > 0) return;
      const res = await call('account', 'listDistricts', {});
      if (!res.ok) {
        this.setData({ issueError: res.message });
        return;
      }
      // 市级单位 is the city itself, not a district.
      const districts = res.data
        .filter((d) => d._id !== this.data.cityOrgId)
        .map((d) => ({ value: d._id, label: d.name }));
      this.setData({ districts });
    },

    onDistrictTap(e: WechatMiniprogram.CustomEvent) {
      const id = (e.currentTarget.dataset as { value?: string }).value;
      const district = this.data.districts.find((d) => d.value === id);
      if (district) this.setData({ orgId: district.value, orgText: district.label, issued: null, issueError: '' });
    },

    onUnitChange(e: WechatMiniprogram.CustomEvent<{ unit: { id: string; name: string } | null }>) {
      const unit = e.detail.unit;
      this.setData({ orgId: unit ? unit.id : '', orgText: unit ? unit.name : '', issued: null, issueError: '' });
    },

    async onIssue() {
      const { role, orgId, orgText, issuing } = this.data;
      if (!role || !orgId || issuing) return;
      this.setData({ issuing: true, issueError: '', issued: null });
      const res = await call('account', 'issueInvite', { role, orgId });
      this.setData({ issuing: false });
      if (!res.ok) {
        this.setData({ issueError: res.message });
        toast(this, res.message);
        return;
      }
      const what = `${ROLE_LABELS[role]} · ${orgText}`;
      this.setData({ issued: { code: res.data.code, expiresAt: chinaDateTime(res.data.expiresAt), what } });
    },

    onCopy() {
      const issued = this.data.issued;
      if (!issued) return;
      wx.setClipboardData({ data: issued.code, fail: () => toast(this, '复制失败，请长按邀请码手动复制') });
    },
  },
});
