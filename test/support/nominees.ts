/** Many nominations at once for admin tests and benchmarks, written through the same record builder as the actions. */
import { C, type NominationDoc, type OrgDoc, type PeriodDoc } from '../../cloudfunctions/_lib/collections';
import type { ServerDeps } from '../../cloudfunctions/_lib/deps';
import { personKey, recordFields, saveRecord } from '../../cloudfunctions/nomination/src/record';
import { checkEligibility } from '../../miniprogram/core/eligibility';
import type { NominationStatus } from '../../miniprogram/core/nomination';
import { demoForm, demoIdNumber } from '../../scripts/local/seed';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '晓明华青伟芳娜静磊洋勇艳杰军敏强丽涛斌';

/** Adds `count` nominations to `unitId` with the given status; returns their ids. */
export async function addNominations(
  deps: ServerDeps,
  unitId: string,
  count: number,
  options: { status?: NominationStatus; seqStart?: number; now?: Date } = {},
): Promise<string[]> {
  const now = options.now ?? deps.clock();
  const period = await deps.store.collection<PeriodDoc>(C.periods).findOne({ current: true });
  const unit = await deps.store.collection<OrgDoc>(C.orgs).get(unitId);
  if (!period || !unit) throw new Error('seed the demo data first');
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const seq = (options.seqStart ?? 0) + i;
    const birth = `${1993 + (seq % 10)}-0${1 + (seq % 9)}-${String(10 + (seq % 18)).padStart(2, '0')}`;
    const idNumber = demoIdNumber('330602', birth, seq % 1000);
    const name = `${SURNAMES[seq % SURNAMES.length]}${GIVEN[Math.floor(seq / SURNAMES.length) % GIVEN.length]}${GIVEN[seq % GIVEN.length]}`;
    const form = demoForm({ name, idNumber, phone: `139${String(seq).padStart(8, '0')}`, post: '技术员' });
    const verdict = checkEligibility(form, period, now);
    if (!verdict.ok) throw new Error(`generated an ineligible person: ${verdict.error.code}`);
    const fields = recordFields(deps, {
      form,
      eligible: verdict.value,
      unit,
      channel: 'unit',
      youthOpenid: null,
      createdBy: 'test',
      now,
    });
    const key = personKey(deps, period._id, idNumber);
    const saved = await saveRecord(deps, {
      key,
      periodId: period._id,
      fields: { ...fields, status: options.status ?? 'submitted' },
      entry: { at: now, action: 'submit', actor: 'test', actorName: '测试', comment: null },
      resubmitter: null,
    });
    if (!saved.ok) throw new Error(`duplicate generated nomination ${seq}`);
    ids.push(saved.value._id);
  }
  return ids;
}

export type { NominationDoc };
