/** The detail tests' scene: a unit, its admin, a consenting youth born 1996-05-20 and their nomination. */
import { fixture } from '../../support/fixtures';

export async function recordScene() {
  const f = await fixture();
  const h = f.h;
  const unit = await f.unit({ district: 'yuecheng' });
  const admin = await f.admin('unitAdmin', unit);
  const youth = await f.youth(unit, { birthDate: '1996-05-20', phone: '13800001111', consent: true });
  const n = await f.nomination(unit, { youth });
  return { f, h, unit, admin, youth, n };
}
