import type { cultivationContract, MeasureCoverageRow } from '../../../../miniprogram/core/contracts/cultivation';
import { percent } from '../../../../miniprogram/core/cultivation';
import { ok } from '../../../../miniprogram/core/result';
import type { Handler } from '../../../_lib/router';
import { cadreScope, periodIdNow } from '../area';
import { scopeFacts } from '../coverage-facts';

/**
 * Coverage of a scope (R5.3): how many 好青年 talked with their unit head in the last six months, how many had no
 * measure in a year, how many records wait; a district's or the city's view also per unit.
 */
export const coverage: Handler<typeof cultivationContract.actions.coverage> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const scope = await cadreScope(deps, actor, input);
  if (!scope.ok) return scope;
  const period = await periodIdNow(deps, now);
  if (!period.ok) return period;
  const { rows, pending, unitNames } = await scopeFacts(deps, period.value, scope.value.filter, now);
  const byUnit = new Map<string, MeasureCoverageRow>();
  for (const r of rows) {
    const row = byUnit.get(r.unitId) ?? {
      orgId: r.unitId,
      name: unitNames.get(r.unitId) ?? '',
      youths: 0,
      talked: 0,
      talkShare: 0,
      idle: 0,
    };
    row.youths += 1;
    row.talked += r.talkedRecently ? 1 : 0;
    row.idle += r.idle ? 1 : 0;
    byUnit.set(r.unitId, row);
  }
  const units = [...byUnit.values()]
    .map((u) => ({ ...u, talkShare: percent(u.talked, u.youths) }))
    .sort((a, b) => a.talkShare - b.talkShare || a.name.localeCompare(b.name, 'zh-Hans-CN'));
  const talked = rows.filter((r) => r.talkedRecently).length;
  return ok({
    scopeName: scope.value.name,
    youths: rows.length,
    talked,
    talkShare: percent(talked, rows.length),
    idle: rows.filter((r) => r.idle).length,
    pending,
    rows: scope.value.level === 'unit' && units.length <= 1 ? [] : units,
  });
};
