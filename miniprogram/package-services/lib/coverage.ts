/** 保险与守信激励 (R7.3): a selected youth's row — what is recorded for them, or the taps to record it. */
import type { SelectedYouthView } from '../../core/contracts/services';
import { chinaDate } from '../../core/china-time';

/** Today in China: the date picker's default and end (the server refuses a later date too). */
export const todayInChina = (): string => chinaDate(new Date());

export interface SelectedRow {
  id: string;
  name: string;
  unit: string;
  insurance: string;
  credit: string;
}

export const selectedRow = (y: SelectedYouthView): SelectedRow => ({
  id: y.nominationId,
  name: y.name,
  unit: [y.districtName, y.unitName].filter(Boolean).join(' · '),
  insurance: y.insurance ? `${y.insurance.name} · ${y.insurance.on} 起` : '',
  credit: y.credit ? `${y.credit.name} · ${y.credit.on} 起` : '',
});

export const COVERAGE_KINDS = {
  insurance: { label: '人身意外保险', verb: '参保', defaultName: '青年人身意外保险' },
  credit: { label: '联合守信激励', verb: '纳入守信激励', defaultName: '青年联合守信激励' },
} as const;
