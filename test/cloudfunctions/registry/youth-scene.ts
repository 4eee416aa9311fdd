/** Shared by the registry's freshness tests: a unit's youth list imported, one youth with a self-nomination. */
import type { OrgDoc } from '../../../cloudfunctions/_lib/collections';
import type { Fixture, Person, Youth } from '../../support/fixtures';
import { dataOf } from '../../support/harness';
import { uploadWorkbook } from './import-scene';

export interface YouthScene {
  unit: OrgDoc;
  admin: Person;
  /** A youth with an account and a self-nomination: their imported record becomes theirs. */
  youth: Youth;
  /** A person on the list without an account. */
  others: number;
}

export async function youthScene(f: Fixture, others = 1): Promise<YouthScene> {
  const unit = await f.unit({ district: 'yuecheng', youthCount: 40 });
  const admin = await f.admin('unitAdmin', unit);
  const youth = await f.youth(unit, { consent: true });
  await f.nomination(unit, { youth });
  const rows = [[youth.name, youth.idNumber, youth.phone, '技术员']];
  for (let i = 0; i < others; i += 1) {
    const p = f.person();
    rows.push([p.name, p.idNumber, p.phone, '']);
  }
  const fileId = await uploadWorkbook(f.h.deps, admin, 'youths', rows);
  dataOf(await f.h.call('registry', 'applyImport', { kind: 'youths', fileId }, admin));
  return { unit, admin, youth, others };
}

export const A_YEAR_LATER = (now: Date) => new Date(now.getTime() + 366 * 24 * 60 * 60 * 1000);
