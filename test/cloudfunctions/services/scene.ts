/**
 * A services scene: the city and 越城区, a youth bound to a unit there (with a second youth), handlers of housing
 * and children at the district and of dating at the city, a district admin who handles nothing, and the city
 * admin. Requests are submitted through the action.
 */
import type { ServiceRequestDoc } from '../../../cloudfunctions/_lib/collections';
import { fixture, type Fixture, type Person, type Youth } from '../../support/fixtures';
import { dataOf } from '../../support/harness';

export const HOUSING = { mode: '租房', district: '越城区', budget: '2000–4000元/月' };
export const CHILDREN = { age: '6–12岁', stage: '小学' };
export const DATING = { way: '联谊活动' };

export interface Scene {
  f: Fixture;
  youth: Youth;
  other: Youth;
  /** 越城区 admin handling housing. */
  housing: Person;
  /** 越城区 admin handling children. */
  children: Person;
  /** 越城区 admin handling nothing. */
  districtAdmin: Person;
  /** City admin handling dating, talent and (after escalation) housing. */
  city: Person;
  /** A second city admin handling nothing. */
  cityAdmin: Person;
  submitHousing(who?: Youth): Promise<string>;
  submitChildren(who?: Youth): Promise<string>;
  request(id: string): Promise<ServiceRequestDoc>;
}

export async function scene(options: { now?: Date } = {}): Promise<Scene> {
  const f = await fixture({ now: options.now });
  const district = await f.district('yuecheng');
  const unit = await f.unit({ district: 'yuecheng', name: '越城区智造科技有限公司' });
  const youth = await f.youth(unit, { name: '张晓青' });
  const other = await f.youth(unit, { name: '李明' });
  const housing = await f.admin('districtAdmin', district, { name: '赵书记' });
  const children = await f.admin('districtAdmin', district, { name: '钱干事' });
  const districtAdmin = await f.admin('districtAdmin', district, { name: '孙副书记' });
  const city = await f.admin('cityAdmin', f.city, { name: '周部长' });
  const cityAdmin = await f.admin('cityAdmin', f.city, { name: '吴处长' });
  const set = async (typeId: string, orgId: string, people: Person[]) =>
    dataOf(await f.h.call('services', 'setHandlers', { typeId, orgId, openids: people.map((p) => p.openid) }, city));
  await set('housing', 'yuecheng', [housing]);
  await set('children', 'yuecheng', [children]);
  await set('dating', f.city._id, [city]);
  await set('talent', f.city._id, [city]);
  await set('housing', f.city._id, [city]);
  const s: Scene = {
    f,
    youth,
    other,
    housing,
    children,
    districtAdmin,
    city,
    cityAdmin,
    submitHousing: async (who = youth) =>
      dataOf(
        await f.h.call(
          'services',
          'submit',
          { typeId: 'housing', description: '刚来绍兴工作，想申请人才公寓', fields: HOUSING },
          who,
        ),
      ).id,
    submitChildren: async (who = youth) => {
      dataOf(await f.h.call('services', 'consent', { typeId: 'children', granted: true }, who));
      return dataOf(
        await f.h.call(
          'services',
          'submit',
          { typeId: 'children', description: '孩子明年上小学，想了解学区', fields: CHILDREN },
          who,
        ),
      ).id;
    },
    request: async (id) => {
      const doc = await f.h.deps.store.collection<ServiceRequestDoc>('serviceRequests').get(id);
      if (!doc) throw new Error(`no request ${id}`);
      return doc;
    },
  };
  return s;
}

/** The in-app messages one person received, by title. */
export async function titlesOf(f: Fixture, who: Person): Promise<string[]> {
  const docs = await f.h.deps.store
    .collection<{ _id: string; title: string; toOpenid: string }>('messages')
    .find({ toOpenid: who.openid });
  return docs.map((d) => d.title);
}
