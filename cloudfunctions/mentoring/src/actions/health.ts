import type {
  HealthRow,
  HealthView,
  mentoringContract,
  PairHealthView,
} from '../../../../miniprogram/core/contracts/mentoring';
import { goneQuiet, HEALTH_LABELS, pairHealth, type Health } from '../../../../miniprogram/core/mentoring-cycle';
import { ok } from '../../../../miniprogram/core/result';
import { C, type AgreementDoc, type CycleDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { areaScope, districtNames, periodId } from '../area';

interface Pair {
  a: AgreementDoc;
  health: Health;
  quiet: boolean;
}

function rowOf(key: string, name: string, pairs: Pair[]): HealthRow {
  const done = pairs.reduce((n, p) => n + p.a.stepsDone, 0);
  const onTime = pairs.reduce((n, p) => n + p.a.stepsOnTime, 0);
  const ratings = pairs.flatMap((p) => p.a.ratings);
  const count = (h: Health) => pairs.filter((p) => p.health === h).length;
  return {
    key,
    name,
    pairs: pairs.length,
    active: pairs.filter((p) => p.a.status === 'active').length,
    onTimePct: done === 0 ? null : Math.round((onTime / done) * 100),
    quiet: pairs.filter((p) => p.quiet).length,
    avgRating:
      ratings.length === 0 ? null : Math.round((ratings.reduce((s, r) => s + r, 0) / ratings.length) * 10) / 10,
    onTrack: count('on_track'),
    attention: count('attention'),
    tooEarly: count('too_early'),
  };
}

function groupBy(pairs: Pair[], key: (p: Pair) => [string, string]): HealthRow[] {
  const groups = new Map<string, { name: string; pairs: Pair[] }>();
  for (const p of pairs) {
    const [k, name] = key(p);
    const g = groups.get(k) ?? { name, pairs: [] };
    g.pairs.push(p);
    groups.set(k, g);
  }
  return [...groups.entries()]
    .map(([k, g]) => rowOf(k, g.name, g.pairs))
    .sort((x, y) => y.attention - x.attention || y.pairs - x.pairs || x.key.localeCompare(y.key));
}

/**
 * Health reports (issue 11) for a district or the city: per mentor, unit and district the pairs, those active,
 * steps done on time, pairs gone quiet, average ratings, and each pair's health (on track / needs attention / too
 * early to tell), those needing attention first.
 */
export const health: Handler<typeof mentoringContract.actions.health> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const scope = await areaScope(deps, actor, input.districtId);
  if (!scope.ok) return scope;
  const period = await periodId(deps, now);
  if (!period.ok) return period;
  const agreements = await deps.store
    .collection<AgreementDoc>(C.agreements)
    .find({ periodId: period.value, ...scope.value.filter }, { sort: { createdAt: 1, _id: 1 }, limit: 2000 });
  const open = agreements.filter((a) => a.status !== 'ended');
  const cycles = open.length
    ? await deps.store
        .collection<CycleDoc>(C.cycles)
        .find({ agreementId: { $in: open.map((a) => a._id) }, dueAt: { $ne: null } })
    : [];
  const openDue = new Map(cycles.map((c) => [c.agreementId, c.dueAt]));
  const pairs: Pair[] = open.map((a) => ({
    a,
    quiet: a.status !== 'completed' && goneQuiet(now, a.lastStepAt),
    health:
      a.status === 'completed'
        ? 'on_track'
        : pairHealth(now, {
            activeSince: a.activeSince,
            lastStepAt: a.lastStepAt,
            stepsDone: a.stepsDone,
            stepsOnTime: a.stepsOnTime,
            openDue: openDue.get(a._id) ?? null,
            ratings: a.ratings,
            fitDoubt: a.fit.mentor === 'unsure' || a.fit.youth === 'unsure',
          }),
  }));
  const names = await districtNames(deps);
  const view: PairHealthView[] = pairs
    .map((p) => ({
      agreementId: p.a._id,
      youthName: p.a.youthName,
      mentorName: p.a.mentorName,
      unitName: p.a.unitName,
      health: p.health,
      healthLabel: HEALTH_LABELS[p.health],
      lastStepAt: p.a.lastStepAt.toISOString(),
    }))
    .sort((x, y) => Number(y.health === 'attention') - Number(x.health === 'attention'));
  const result: HealthView = {
    byMentor: groupBy(pairs, (p) => [p.a.mentorId, p.a.mentorName]),
    byUnit: groupBy(pairs, (p) => [p.a.unitId, p.a.unitName]),
    byDistrict: groupBy(pairs, (p) => [p.a.districtId ?? '', p.a.districtId ? (names[p.a.districtId] ?? '') : '市直']),
    pairs: view.slice(0, 200),
  };
  return ok(result);
};
