import { fixture } from '../../../support/fixtures';
import { codeOf, dataOf } from '../../../support/harness';

describe('mentoring.saveExpertise', () => {
  it('the city replaces the list everyone chooses from; districts may not', async () => {
    const f = await fixture();
    const city = await f.admin('cityAdmin', f.city);
    const district = await f.admin('districtAdmin', await f.district('keqiao'));
    expect(codeOf(await f.h.call('mentoring', 'saveExpertise', { items: ['黄酒产业'] }, district))).toBe(
      'AUTH.FORBIDDEN',
    );
    dataOf(await f.h.call('mentoring', 'saveExpertise', { items: ['黄酒产业', '纺织印染', '黄酒产业'] }, city));
    expect(dataOf(await f.h.call('mentoring', 'options', {}, district)).expertise).toEqual(['黄酒产业', '纺织印染']);
    dataOf(await f.h.call('mentoring', 'saveExpertise', { items: ['数字化改革'] }, city));
    expect(dataOf(await f.h.call('mentoring', 'options', {}, district)).expertise).toEqual(['数字化改革']);
    expect(codeOf(await f.h.call('mentoring', 'saveExpertise', { items: [] }, city))).toBe('INPUT.INVALID');
  });
});
