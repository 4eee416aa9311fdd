/**
 * What the mentoring action tests share: a city with two districts, their admins, mentors who completed their
 * profile through `mentoring.saveProfile`, and selected youths who stated goals through `mentoring.saveGoals`.
 */
import type { OrgDoc } from '../../../cloudfunctions/_lib/collections';
import type { MentorProfileInputType } from '../../../miniprogram/core/contracts/mentoring';
import { fixture, type Fixture, type Nominee, type Person, type Youth } from '../../support/fixtures';
import { dataOf } from '../../support/harness';

export interface Scene {
  f: Fixture;
  keqiao: OrgDoc;
  yuecheng: OrgDoc;
  bank: OrgDoc;
  school: OrgDoc;
  city: Person;
  keqiaoAdmin: Person;
  yuechengAdmin: Person;
  mentor(over?: Partial<MentorProfileInputType>, name?: string): Promise<Person>;
  /** A selected youth of `unit` who uses the app, with goals stated (or none with `goals: []`). */
  selected(
    unit: OrgDoc,
    goals?: { sector?: MentorProfileInputType['sector']; goals: string[] },
  ): Promise<Youth & Nominee>;
}

export async function scene(): Promise<Scene> {
  const f = await fixture();
  const keqiao = await f.district('keqiao');
  const yuecheng = await f.district('yuecheng');
  const bank = await f.unit({ district: keqiao, name: '柯桥农商银行' });
  const school = await f.unit({ district: yuecheng, name: '越城区实验中学' });
  const city = await f.admin('cityAdmin', f.city);
  const keqiaoAdmin = await f.admin('districtAdmin', keqiao);
  const yuechengAdmin = await f.admin('districtAdmin', yuecheng);
  return {
    f,
    keqiao,
    yuecheng,
    bank,
    school,
    city,
    keqiaoAdmin,
    yuechengAdmin,
    async mentor(over = {}, name) {
      const person = await f.account([{ role: 'mentor', orgId: f.city._id }], { name });
      const profile: MentorProfileInputType = {
        orgName: '绍兴银行',
        sector: 'finance',
        districtId: 'keqiao',
        expertise: ['数字化改革', '金融服务'],
        capacity: 2,
        excludedNames: [],
        ...over,
      };
      dataOf(await f.h.call('mentoring', 'saveProfile', profile, person));
      return person;
    },
    async selected(unit, goals = { sector: 'finance', goals: ['数字化改革'] }) {
      const youth = await f.youth(unit);
      const n = await f.nomination(unit, { youth, status: 'approved' });
      if (goals.goals.length > 0)
        dataOf(
          await f.h.call('mentoring', 'saveGoals', { sector: goals.sector ?? 'finance', goals: goals.goals }, youth),
        );
      return { ...youth, ...n };
    },
  };
}
