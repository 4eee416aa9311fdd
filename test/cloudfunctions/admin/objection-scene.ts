/** The objection tests' scene: a 机关 unit, its admin and one approved youth. */
import { fixture } from '../../support/fixtures';

export async function objectionScene() {
  const f = await fixture();
  const h = f.h;
  const unit = await f.unit({
    name: '越城区人民政府办公室',
    category: 'party_gov',
    youthCount: 12,
    district: 'yuecheng',
  });
  const admin = await f.admin('unitAdmin', unit);
  // The youth's own self-nomination, so a disposition has someone to tell.
  const youth = await f.youth(unit, { consent: true });
  const approved = await f.nomination(unit, { youth, status: 'approved' });
  return { f, h, unit, admin, approved, youth };
}
