/** What the summary-table export (R4.5) offers each level, and the target a choice makes. */
import type { AdminScope } from '../../services/session';
import type { Choice } from './choices';

export type Format = 'docx' | 'xlsx';
export type ScopeKind = 'unit' | 'district' | 'city';

export const FORMATS: Choice[] = [
  { value: 'docx', label: 'Word（打印盖章用）' },
  { value: 'xlsx', label: 'Excel' },
];

export const KINDS: Record<AdminScope['level'], Choice[]> = {
  unit: [{ value: 'unit', label: '本单位' }],
  district: [
    { value: 'district', label: '本区县' },
    { value: 'unit', label: '单个单位' },
  ],
  city: [
    { value: 'city', label: '全市' },
    { value: 'district', label: '区县' },
    { value: 'unit', label: '单个单位' },
  ],
};

interface Target {
  scope: ScopeKind;
  orgId: string;
}

interface Choosing {
  kind: ScopeKind | '';
  level: AdminScope['level'];
  own: { id: string };
  districtId: string;
  unit: { id: string } | null;
}

/** What to export, or null until a district or unit is chosen. */
export function targetOf(d: Choosing): Target | null {
  switch (d.kind) {
    case 'city':
      return { scope: 'city', orgId: d.own.id };
    case 'district': {
      const orgId = d.level === 'district' ? d.own.id : d.districtId;
      return orgId ? { scope: 'district', orgId } : null;
    }
    case 'unit': {
      const orgId = d.level === 'unit' ? d.own.id : (d.unit?.id ?? '');
      return orgId ? { scope: 'unit', orgId } : null;
    }
    default:
      return null;
  }
}
