/** Chips for the admin pages' filters and choices (`chips` component): label tables and the districts. */
import { call } from '../../services/cloud';

export interface Choice {
  value: string;
  label: string;
}

/** Chips for a label table, with an "all" choice first (value ''). */
export function choices<K extends string>(labels: Record<K, string>, keys: readonly K[], all = '全部'): Choice[] {
  return [{ value: '', label: all }, ...keys.map((k) => ({ value: k, label: labels[k] }))];
}

/**
 * The districts as chips for a city admin, the whole city first (value '');
 * [] when they cannot be loaded. The list names the city itself 市级单位 (for
 * picking city-level units): that entry is not a district and is left out.
 */
export async function districtChoices(cityOrgId: string, all = '全市'): Promise<Choice[]> {
  const res = await call('account', 'listDistricts', {});
  if (!res.ok) return [];
  const districts = res.data.filter((d) => d._id !== cityOrgId);
  return [{ value: '', label: all }, ...districts.map((d) => ({ value: d._id, label: d.name }))];
}
