import { checkEligibility } from '../../miniprogram/core/eligibility';
import { idCheckChar } from '../../miniprogram/core/id-number';

const id = (birth: string, seq = '001') => {
  const first17 = `330602${birth.replace(/-/g, '')}${seq}`;
  return `${first17}${idCheckChar(first17)}`;
};
// The 2021 period's rules (R1.2): cutoff 1986-06-01.
const rules2021 = { cutoffBirthDate: '1986-06-01', minAge: 16 };
const july2021 = new Date('2021-07-01T12:00:00+08:00');

describe('checkEligibility (R2)', () => {
  it.each([
    ['1986-05-31', 'ELIGIBILITY.TOO_OLD'],
    ['1986-06-01', null], // Decision: born exactly on the cutoff is eligible
    ['1986-06-02', null],
    ['1999-12-31', null],
    ['2005-07-01', null], // 16 today (China date)
    ['2005-07-02', 'ELIGIBILITY.TOO_YOUNG'],
    ['2021-07-02', 'ELIGIBILITY.ID_DATE'], // born tomorrow
  ])('born %s → %s', (birth, code) => {
    const r = checkEligibility({ idNumber: id(birth), onStaff: true }, rules2021, july2021);
    if (code === null) expect(r.ok).toBe(true);
    else expect(r).toEqual({ ok: false, error: expect.objectContaining({ code, field: 'idNumber' }) });
  });

  it('the TOO_OLD verdict carries the cutoff for the message', () => {
    const r = checkEligibility({ idNumber: id('1980-01-01') }, rules2021, july2021);
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'ELIGIBILITY.TOO_OLD',
        field: 'idNumber',
        params: { cutoff: '1986-06-01', birthDate: '1980-01-01' },
      },
    });
  });

  it('computes age on the China date, not the machine date (TZ=UTC)', () => {
    // 2021-06-30T16:30Z is already 1 July in China: the youth born 2005-07-01 has turned 16.
    const justAfterChinaMidnight = new Date('2021-06-30T16:30:00Z');
    const r = checkEligibility({ idNumber: id('2005-07-01') }, rules2021, justAfterChinaMidnight);
    expect(r).toEqual({ ok: true, value: expect.objectContaining({ age: 16 }) });
    const justBefore = new Date('2021-06-30T15:59:59Z');
    expect(checkEligibility({ idNumber: id('2005-07-01') }, rules2021, justBefore).ok).toBe(false);
  });

  it.each([
    [{ onStaff: false }, 'ELIGIBILITY.NOT_ON_STAFF', 'onStaff'],
    [{ phone: '12345' }, 'ELIGIBILITY.PHONE_FORMAT', 'phone'],
  ])('refuses %p with %s on field %s', (extra, code, field) => {
    const r = checkEligibility({ idNumber: id('1995-01-01'), ...extra }, rules2021, july2021);
    expect(r).toEqual({ ok: false, error: expect.objectContaining({ code, field }) });
  });

  it('returns birth date, sex and age for an eligible youth', () => {
    const r = checkEligibility(
      { idNumber: id('1995-03-15', '002'), phone: '13800001234', onStaff: true },
      rules2021,
      july2021,
    );
    expect(r).toEqual({ ok: true, value: { birthDate: '1995-03-15', sex: 'female', age: 26 } });
  });
});
