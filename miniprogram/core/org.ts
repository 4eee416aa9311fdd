/** The organisation tree: city → district/county → unit. */
export const UNIT_CATEGORIES = ['party_gov', 'soe', 'central_soe', 'two_new', 'other_grassroots'] as const;
export type UnitCategory = (typeof UNIT_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<UnitCategory, string> = {
  party_gov: '机关事业单位',
  soe: '国有企业',
  central_soe: '在绍央企',
  two_new: '两新组织',
  other_grassroots: '其他基层领域',
};

export type OrgLevel = 'city' | 'district' | 'unit';

export interface Org {
  _id: string;
  name: string;
  level: OrgLevel;
  parentId: string | null;
  /** For units and districts: the district they belong to (a district is its own). */
  districtId: string | null;
  category?: UnitCategory;
  /** Display order among siblings (districts follow the city's official order). */
  order?: number;
  /** Youth head-count, the basis of the quota (R3.1). */
  youthCount?: number;
}

export const ROLES = ['youth', 'mentor', 'unitAdmin', 'districtAdmin', 'cityAdmin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  youth: '青年',
  mentor: '导师',
  unitAdmin: '单位管理员',
  districtAdmin: '区县团委管理员',
  cityAdmin: '团市委管理员',
};

export interface RoleGrant {
  role: Role;
  orgId: string;
}

/**
 * Which role may invite which (invitation codes are issued by the level above). Mentors join the city's service
 * group or a district's (issue 11).
 */
export const INVITABLE_BY: Record<Role, readonly Role[]> = {
  cityAdmin: ['districtAdmin', 'unitAdmin', 'mentor'],
  districtAdmin: ['unitAdmin', 'mentor'],
  unitAdmin: [],
  mentor: [],
  youth: [],
};
