/**
 * Invitation codes: anyone redeems one (cadres and mentors get their role this
 * way); city and district admins issue them for the level below.
 */
import { RedeemInviteInput } from '../../../../core/contracts/forms';
import { INVITABLE_BY, ROLE_LABELS, type Role } from '../../../../core/org';
import { call } from '../../../../services/cloud';
import { accepts, limitsOf } from '../../../../services/form-errors';
import { adoptSession, grantOf, loadSession, type Session } from '../../../../services/session';
import { CODE_LENGTH } from '../../../../core/one-time-code';
import { chinaDateTime, normalizeCode } from '../../../../lib/format';
import { toast } from '../../../../lib/ui';
import { textSize } from '../../../../behaviors/text-size';

type Option = { value: string; label: string };

/** Roles the caller may invite (core/org INVITABLE_BY); the grant that allows it scopes the choice of org. */
function issuerView(s: Session) {
  const roles = new Set<Role>(s.roles.flatMap((g) => INVITABLE_BY[g.role]));
  const roleOptions: Option[] = [...roles].map((r) => ({ value: r, label: ROLE_LABELS[r] }));
  const cityOrgId = grantOf(s, 'cityAdmin')?.orgId ?? '';
  return {
    issuer: roleOptions.length > 0,
    roleOptions,
    cityOrgId,
    ownDistrictId: grantOf(s, 'districtAdmin')?.orgId ?? '',
  };
}

const codeTip = (code: string): string =>
  code.length > 0 && code.length < CODE_LENGTH ? `邀请码为${CODE_LENGTH}位字母或数字（已输入${code.length}位）` : '';

Component({
  behaviors: [textSize],
  data: {
    code: '',
    codeTip: '',
    name: '',
    nameMax: limitsOf(RedeemInviteInput).displayName.max,
    canRedeem: false,
    redeeming: false,
    redeemError: '',
    ...issuerView({ registered: false, displayName: '', roles: [], unit: null, consent: null }),
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
    /** An invitation link (`?code=…`, handed over by the district) opens with its code filled in. */
    onLoad(query: { code?: string }) {
      if (query.code) this.redeemPatch({ code: normalizeCode(decodeURIComponent(query.code)) });
    },

    async loadMe() {
      const me = await loadSession();
      if (!me.ok) return toast(this, me.message);
      this.setData(issuerView(me.data));
      if (me.data.displayName && !this.data.name) this.redeemPatch({ name: me.data.displayName });
    },

    /* redeem */
    redeemPatch(patch: { code?: string; name?: string }) {
      const { code, name } = { code: this.data.code, name: this.data.name, ...patch };
      this.setData({ ...patch, redeemError: '', canRedeem: accepts(RedeemInviteInput, { code, displayName: name }) });
    },
    onCode(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const code = normalizeCode(e.detail.value);
      this.setData({ codeTip: codeTip(code) });
      this.redeemPatch({ code });
    },
    onName(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.redeemPatch({ name: e.detail.value });
    },

    async onRedeem() {
      if (!this.data.canRedeem || this.data.redeeming) return;
      this.setData({ redeeming: true, redeemError: '' });
      const res = await call('account', 'redeemInvite', { code: this.data.code, displayName: this.data.name.trim() });
      this.setData({ redeeming: false });
      if (!res.ok) {
        this.setData({ redeemError: res.message });
        return toast(this, res.message);
      }
      adoptSession(res.data); // the new role, for home and every page after it
      wx.reLaunch({ url: '/pages/home/index' });
    },

    /* issue, for city and district admins */
    chooseOrg(orgId: string, orgText: string) {
      this.setData({ orgId, orgText, issued: null, issueError: '' });
    },
    onRoleTap(e: WechatMiniprogram.CustomEvent) {
      const role = (e.currentTarget.dataset as { value?: Role }).value;
      if (!role || role === this.data.role) return;
      this.setData({ role });
      // A mentor joins the inviter's service group: the city's, or a district admin's own district's.
      const groupId = this.data.cityOrgId || this.data.ownDistrictId;
      const groupText = this.data.cityOrgId ? '团市委（导师服务团）' : '本区县导师服务团';
      this.chooseOrg(role === 'mentor' ? groupId : '', role === 'mentor' ? groupText : '');
      if (role === 'districtAdmin') void this.loadDistricts();
    },

    async loadDistricts() {
      if (this.data.districts.length > 0) return;
      const res = await call('account', 'listDistricts', {});
      if (!res.ok) return this.setData({ issueError: res.message });
      // 市级单位 is the city itself, not a district.
      const districts = res.data.filter((d) => d._id !== this.data.cityOrgId);
      this.setData({ districts: districts.map((d) => ({ value: d._id, label: d.name })) });
    },

    onDistrictTap(e: WechatMiniprogram.CustomEvent) {
      const id = (e.currentTarget.dataset as { value?: string }).value;
      const district = this.data.districts.find((d) => d.value === id);
      if (district) this.chooseOrg(district.value, district.label);
    },
    onUnitChange(e: WechatMiniprogram.CustomEvent<{ unit: { id: string; name: string } | null }>) {
      const unit = e.detail.unit;
      this.chooseOrg(unit ? unit.id : '', unit ? unit.name : '');
    },

    async onIssue() {
      const { role, orgId, orgText, issuing } = this.data;
      if (!role || !orgId || issuing) return;
      this.setData({ issuing: true, issueError: '', issued: null });
      const res = await call('account', 'issueInvite', { role, orgId });
      this.setData({ issuing: false });
      if (!res.ok) {
        this.setData({ issueError: res.message });
        return toast(this, res.message);
      }
      const what = `${ROLE_LABELS[role]} · ${orgText}`;
      this.setData({ issued: { code: res.data.code, expiresAt: chinaDateTime(res.data.expiresAt), what } });
    },

    onCopy() {
      const issued = this.data.issued;
      if (issued) wx.setClipboardData({ data: issued.code, fail: () => toast(this, '复制失败，请长按邀请码手动复制') });
    },
  },
});
