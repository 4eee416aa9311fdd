/**
 * 账号与权限 (issue 8 §7): the level above sees who holds the roles it gave
 * at one organisation, and the invitations not yet used, and takes them
 * back — 撤销 a role, 作废 an invitation — each behind a confirmation with a
 * required reason (audited). The city looks at itself
 * (mentors), a district (its admins) or a unit; a district at its units.
 */
import type { RoleHoldersView } from '../../../../core/contracts/account';
import { AccessReason } from '../../../../core/contracts/forms';
import { ROLE_LABELS } from '../../../../core/org';
import { call } from '../../../../services/cloud';
import { loadAdminScope } from '../../../../services/session';
import { chinaDateTime } from '../../../../lib/format';
import { toast } from '../../../../lib/ui';
import { askReason } from '../../../components/reason-dialog/request';
import { districtChoices, type Choice } from '../../../lib/choices';
import { textSize } from '../../../../behaviors/text-size';

const rowsOf = (v: RoleHoldersView) => ({
  orgName: v.org.name,
  holders: v.holders.map((h) => ({ ...h, key: `${h.openid}:${h.role}`, roleLabel: ROLE_LABELS[h.role] })),
  invites: v.invites.map((i) => ({
    id: i.id,
    roleLabel: ROLE_LABELS[i.role],
    issued: chinaDateTime(i.createdAt),
    expires: chinaDateTime(i.expiresAt),
  })),
});

Component({
  behaviors: [textSize],
  data: {
    loading: true,
    error: '',
    level: '' as 'city' | 'district' | 'unit' | '',
    cityId: '',
    orgs: [] as Choice[],
    orgId: '',
    districtId: '',
    listing: false,
    listError: '',
    view: null as ReturnType<typeof rowsOf> | null,
  },
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
      const { level, orgId, districtId } = who.scope;
      if (level === 'unit') return this.setData({ loading: false, error: '仅区县团委和团市委可管理账号与权限' });
      const orgs =
        level === 'city' ? [{ value: orgId, label: '团市委（导师）' }, ...(await districtChoices(orgId)).slice(1)] : [];
      this.setData({ loading: false, level, cityId: level === 'city' ? orgId : '', orgs, districtId });
      if (level === 'city') await this.show(orgId);
    },

    onOrg(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      void this.show(e.detail.value);
    },
    onUnitChange(e: WechatMiniprogram.CustomEvent<{ unit: { id: string } | null }>) {
      if (e.detail.unit) void this.show(e.detail.unit.id);
      else this.setData({ orgId: '', view: null });
    },

    async show(orgId: string) {
      this.setData({ orgId, listing: true, listError: '' });
      const res = await call('account', 'roleHolders', { orgId });
      if (this.data.orgId !== orgId) return; // another organisation was chosen meanwhile
      if (!res.ok) return this.setData({ listing: false, listError: res.message, view: null });
      this.setData({ listing: false, view: rowsOf(res.data) });
    },

    async onRevoke(e: WechatMiniprogram.CustomEvent) {
      const { key } = e.currentTarget.dataset as { key?: string };
      const row = this.data.view?.holders.find((h) => h.key === key);
      if (!row) return;
      const orgId = this.data.orgId;
      const done = await askReason(this, '.access-dialog', {
        title: `撤销${row.displayName}的权限`,
        label: { label: '撤销原因', after: '将记入审计日志' },
        schema: AccessReason,
        placeholder: '如：已调离岗位',
        warning: `撤销后，${row.displayName}将立即失去“${this.data.view?.orgName}${row.roleLabel}”的全部权限；如需恢复，须重新发放邀请码。`,
        confirmText: '确认撤销',
        send: (reason) => call('account', 'revokeRole', { openid: row.openid, role: row.role, orgId, reason }),
      });
      if (!done) return;
      toast(this, `已撤销${row.displayName}的${row.roleLabel}权限`, 'success');
      await this.show(orgId);
    },

    async onCancelInvite(e: WechatMiniprogram.CustomEvent) {
      const { id } = e.currentTarget.dataset as { id?: string };
      const row = this.data.view?.invites.find((i) => i.id === id);
      if (!row) return;
      const done = await askReason(this, '.access-dialog', {
        title: '作废邀请码',
        label: '作废原因',
        schema: AccessReason,
        placeholder: '如：发错单位，将重新发放',
        warning: `作废后，这张${row.roleLabel}邀请码（${row.issued}发放）将无法再使用。`,
        confirmText: '确认作废',
        send: (reason) => call('account', 'cancelInvite', { inviteId: row.id, reason }),
      });
      if (!done) return;
      toast(this, '邀请码已作废', 'success');
      await this.show(this.data.orgId);
    },

    onRetry() {
      void this.init();
    },
  },
});
