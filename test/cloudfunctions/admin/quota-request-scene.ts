/** The quota-request tests' scene: a 两新 unit of 越城区 (quota 1) with its admin, the district and the city. */
import { fixture } from '../../support/fixtures';

export async function quotaRequestScene() {
  const f = await fixture();
  const unit = await f.unit({
    name: '越城区智造科技有限公司',
    category: 'two_new',
    youthCount: 39,
    district: 'yuecheng',
  });
  const admin = await f.admin('unitAdmin', unit, { name: '陈管理员' });
  const district = await f.admin('districtAdmin', await f.district('yuecheng'), { name: '赵书记' });
  const keqiao = await f.admin('districtAdmin', await f.district('keqiao'));
  const ask = { unitId: unit._id, quota: 3, reason: '青年骨干集中，申请增加名额' };
  return { f, h: f.h, unit, admin, district, keqiao, ask };
}
