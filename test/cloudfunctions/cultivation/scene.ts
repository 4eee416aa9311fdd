/**
 * What the cultivation action tests share: two units of 柯桥区 and one of 越城区, their admins, the two districts'
 * admins and the city, and 好青年 of a unit (approved nominations of youths who use the app).
 */
import { C, type OrgDoc, type YouthDoc } from '../../../cloudfunctions/_lib/collections';
import { dataOf } from '../../support/harness';
import { uploadWorkbook } from '../registry/import-scene';
import type { MeasureFields } from '../../../miniprogram/core/contracts/cultivation-forms';
import { fixture, type Fixture, type Nominee, type Person, type Youth } from '../../support/fixtures';
import type { NominationForm } from '../../../miniprogram/core/contracts/nomination-form';

export interface Scene {
  f: Fixture;
  bank: OrgDoc;
  mill: OrgDoc;
  school: OrgDoc;
  bankAdmin: Person;
  millAdmin: Person;
  schoolAdmin: Person;
  keqiaoAdmin: Person;
  yuechengAdmin: Person;
  city: Person;
  /**
   * The unit's youth list imported into the youth database (issue 14) by its admin, with these people; their
   * youth record ids by name.
   */
  registered(
    unit: OrgDoc,
    admin: Person,
    people: Array<{ name: string; idNumber: string; phone: string }>,
  ): Promise<Record<string, string>>;
  /** A 好青年 of `unit` (approved), born on `birthDate` (default 1996-05-20, so 30 in the harness's 2026). */
  selected(unit: OrgDoc, over?: { birthDate?: string; form?: Partial<NominationForm> }): Promise<Youth & Nominee>;
}

export const posting: MeasureFields = {
  kind: 'task_force',
  title: '数字化改革专班',
  startDate: '2026-03-01',
  endDate: '2026-09-30',
  evidence: '柯政办〔2026〕12号',
};
export const talk: MeasureFields = {
  kind: 'talk',
  title: '季度谈心',
  startDate: '2026-10-10',
  talkWith: 'party_head',
  talkWithName: '王书记',
  summary: '谈工作成长与下一步岗位锻炼方向',
};
export const training: MeasureFields = {
  kind: 'training',
  title: '青年干部能力提升班',
  startDate: '2026-11-02',
  endDate: '2026-11-06',
  organiser: '团市委',
  hours: 32,
  evidence: '结业证书 No.2026-118',
};

export async function scene(): Promise<Scene> {
  const f = await fixture();
  const keqiao = await f.district('keqiao');
  const yuecheng = await f.district('yuecheng');
  const bank = await f.unit({ district: keqiao, name: '柯桥农商银行', youthCount: 200 });
  const mill = await f.unit({ district: keqiao, name: '柯桥纺织集团', youthCount: 200 });
  const school = await f.unit({ district: yuecheng, name: '越城区实验中学', youthCount: 200 });
  return {
    f,
    bank,
    mill,
    school,
    bankAdmin: await f.admin('unitAdmin', bank),
    millAdmin: await f.admin('unitAdmin', mill),
    schoolAdmin: await f.admin('unitAdmin', school),
    keqiaoAdmin: await f.admin('districtAdmin', keqiao),
    yuechengAdmin: await f.admin('districtAdmin', yuecheng),
    city: await f.admin('cityAdmin', f.city),
    async registered(unit, admin, people) {
      const rows = people.map((p) => [p.name, p.idNumber, p.phone, '技术员']);
      const fileId = await uploadWorkbook(f.h.deps, admin, 'youths', rows);
      dataOf(await f.h.call('registry', 'applyImport', { kind: 'youths', fileId, unitId: unit._id }, admin));
      const docs = await f.h.deps.store.collection<YouthDoc>(C.youths).find({ unitId: unit._id });
      return Object.fromEntries(docs.map((d) => [d.name, d._id]));
    },
    async selected(unit, over = {}) {
      const youth = await f.youth(unit, { birthDate: over.birthDate });
      const n = await f.nomination(unit, { youth, status: 'approved', form: over.form });
      return { ...youth, ...n };
    },
  };
}
