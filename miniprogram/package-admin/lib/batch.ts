/** 批量通过 (issue 9): what the reviewer is asked, and a warning when the ticks exceed a unit's places. */
export interface Picked {
  id: string;
  name: string;
  unitId: string;
  unitName: string;
  /** The unit's places left before this batch. */
  left: number;
}

/** The one confirmation: the same statement a single approval makes (R2.2, R2.3, R4.2), for everyone ticked. */
export function batchQuestion(rows: readonly Picked[]): string {
  const names = rows.map((r) => r.name).join('、');
  return (
    `通过即确认：${names}均为所在单位在编人员，且政治素质、道德品行、业绩贡献三项标准均经审核属实。` +
    `共${rows.length}人，通过后不可撤销。`
  );
}

/** Units whose ticks exceed their places left: said before sending (the server refuses the batch anyway). */
export function overQuota(rows: readonly Picked[]): string {
  const byUnit = new Map<string, { name: string; left: number; count: number }>();
  for (const r of rows) {
    const u = byUnit.get(r.unitId) ?? { name: r.unitName, left: r.left, count: 0 };
    u.count += 1;
    byUnit.set(r.unitId, u);
  }
  const over = [...byUnit.values()].filter((u) => u.count > u.left);
  return over.map((u) => `${u.name}剩余名额${u.left}名，已勾选${u.count}人`).join('；');
}
