/**
 * How a Party development record starts (入党申请人): from a nomination in the running, or from a youth's record
 * in the youth database (issue 13: any active youth of the unit, the 好青年 first); one record per person.
 */
import { leagueBirthday } from '../../../miniprogram/core/cultivation';
import { C, type NominationDoc, type PartyKeyDoc, type PartyRecordDoc, type YouthDoc } from '../../_lib/collections';
import type { ServerDeps } from '../../_lib/deps';
import type { Actor } from '../../_lib/identity';

type Source =
  { kind: 'nomination'; n: NominationDoc } | { kind: 'registry'; y: YouthDoc; periodId: string; leagueMember: boolean };

/** The record at 入党申请人 with its application date; by nomination id, or by youth record id. */
export function newPartyRecord(source: Source, date: string, actor: Actor, now: Date): PartyRecordDoc {
  const who =
    source.kind === 'nomination'
      ? { ...source.n, _id: source.n._id, selected: source.n.status === 'approved' }
      : {
          ...source.y,
          periodId: source.periodId,
          youthOpenid: source.y.openid,
          selected: false,
        };
  return {
    _id: who._id,
    periodId: who.periodId,
    unitId: who.unitId,
    districtId: who.districtId,
    youthOpenid: who.youthOpenid,
    name: who.name,
    birthDate: who.birthDate,
    leagueBirthday: leagueBirthday(who.birthDate),
    selected: who.selected,
    status: 'applicant',
    leagueOrg: null,
    steps: [
      {
        event: 'apply',
        date,
        leagueOrg: null,
        note: null,
        by: actor.openid,
        byName: actor.displayName ?? '',
        at: now,
      },
    ],
    warnedFor: null,
    updatedAt: now,
    history: [],
    ...(source.kind === 'registry' ? { source: 'registry' as const, leagueMember: source.leagueMember } : {}),
  };
}

/**
 * Takes the person's one Party record (`partyKeys`, by the keyed ID hash) in the call's transaction: false when
 * they have one. Two starts at once insert the same key: the loser's transaction runs again and finds it.
 */
export async function takePartyKey(deps: ServerDeps, idHash: string, recordId: string): Promise<boolean> {
  const keys = deps.store.collection<PartyKeyDoc>(C.partyKeys);
  if (await keys.get(idHash)) return false;
  await keys.insert({ _id: idHash, recordId });
  return true;
}

/** Inserts a new record unless the person has one (by id or by key); false when they do. */
export async function insertPartyRecord(deps: ServerDeps, doc: PartyRecordDoc, idHash: string): Promise<boolean> {
  const records = deps.store.collection<PartyRecordDoc>(C.partyRecords);
  if (await records.get(doc._id)) return false;
  if (!(await takePartyKey(deps, idHash, doc._id))) return false;
  // A concurrent start inserts the same id: the transaction runs again and finds the record.
  await records.insert(doc);
  return true;
}
