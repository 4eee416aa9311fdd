/**
 * What the agreement and loop tests share: an active pair (proposed, published and confirmed through the actions),
 * its agreement, hand signatures as the phone uploads them, and both signatures given.
 */
import { randomBytes } from 'node:crypto';
import type { Person } from '../../support/fixtures';
import { dataOf } from '../../support/harness';
import { PNG, uploadAs } from '../../support/uploads';
import { scene, type Scene } from './scene';

export interface PairScene {
  s: Scene;
  mentor: Person;
  youth: Person & { id: string };
  agreementId: string;
  /** A fresh PNG (distinct bytes) uploaded by `who`. */
  drawn(who: Person): Promise<string>;
  /** `who` reads the agreement and signs it by hand. */
  sign(who: Person): Promise<void>;
  /** Both signed: the agreement is active and the first cycle open. */
  signBoth(): Promise<void>;
  f: Scene['f'];
}

export async function pairScene(): Promise<PairScene> {
  const s = await scene();
  const mentor = await s.mentor();
  const youth = await s.selected(s.bank, { sector: 'finance', goals: ['数字化改革', '金融服务'] });
  const d = dataOf(
    await s.f.h.call('mentoring', 'propose', { nominationId: youth.id, mentorId: mentor.openid }, s.city),
  );
  dataOf(await s.f.h.call('mentoring', 'publish', { matchIds: [d.id] }, s.city));
  dataOf(await s.f.h.call('mentoring', 'accept', { matchId: d.id }, mentor));
  const drawn = async (who: Person) =>
    (await uploadAs(s.f.h.deps, who, Buffer.concat([PNG, randomBytes(16)]), 'png')).fileId;
  const sign = async (who: Person) => {
    const a = dataOf(await s.f.h.call('mentoring', 'agreement', { agreementId: d.id }, who));
    dataOf(
      await s.f.h.call(
        'mentoring',
        'signAgreement',
        { agreementId: d.id, textHash: a.textHash, fileId: await drawn(who) },
        who,
      ),
    );
  };
  return {
    s,
    f: s.f,
    mentor,
    youth,
    agreementId: d.id,
    drawn,
    sign,
    async signBoth() {
      await sign(mentor);
      await sign(youth);
    },
  };
}

/** The open cycle of an agreement, as `who` sees it on the timeline. */
export async function openCycleOf(p: PairScene, who: Person = p.mentor) {
  const t = dataOf(await p.f.h.call('mentoring', 'timeline', { agreementId: p.agreementId }, who));
  const c = t.cycles.find((x) => x.status !== 'done');
  if (!c) throw new Error('no open cycle');
  return c;
}

/** One whole cycle through the actions: tasks, report, evaluation (rating), acknowledgement, plan. */
export async function runCycle(p: PairScene, rating = 3): Promise<void> {
  const step = async (input: Parameters<typeof p.f.h.call<'mentoring', 'cycleStep'>>[2], who: Person) =>
    dataOf(await p.f.h.call('mentoring', 'cycleStep', input, who));
  const cycleId = (await openCycleOf(p)).id;
  await step({ cycleId, step: 'setTasks', tasks: ['阅读《数字化改革案例选编》'] }, p.mentor);
  await step({ cycleId, step: 'report', report: '已读完案例选编，整理了三点体会。' }, p.youth);
  await step({ cycleId, step: 'evaluate', rating, comment: '体会深入，建议结合本职工作' }, p.mentor);
  await step({ cycleId, step: 'acknowledge' }, p.youth);
  await step({ cycleId, step: 'plan', plan: '下月完成一份本单位数字化改进建议。', due: '2026-12-31' }, p.youth);
}
