import fc from 'fast-check';
import { errorText } from '../../miniprogram/services/error-text';
import {
  PROVINCE_CODES,
  idCheckChar,
  isMobilePhone,
  maskIdNumber,
  maskPhone,
  parseIdNumber,
} from '../../miniprogram/core/id-number';

const withCheck = (first17: string) => `${first17}${idCheckChar(first17)}`;

describe('parseIdNumber (GB 11643, R2.4)', () => {
  it.each([
    ['11010519491231002X', '1949-12-31', 'female'], // the standard's own example
    ['330602199603150019', '1996-03-15', 'male'],
  ])('accepts %s → born %s, %s', (id, birthDate, sex) => {
    const r = parseIdNumber(withCheck(id.slice(0, 17)));
    expect(r).toEqual({ ok: true, value: expect.objectContaining({ birthDate, sex, regionCode: id.slice(0, 6) }) });
  });

  it('accepts the standard example with its real check character X', () => {
    expect(parseIdNumber('11010519491231002X').ok).toBe(true);
    expect(parseIdNumber('11010519491231002x').ok).toBe(true);
  });

  it.each([
    ['', 'ELIGIBILITY.ID_FORMAT'],
    ['33060219960315001', 'ELIGIBILITY.ID_FORMAT'], // 17 digits
    ['3306021996031500190', 'ELIGIBILITY.ID_FORMAT'], // 19 digits
    ['330602960315001', 'ELIGIBILITY.ID_FORMAT'], // old 15-digit form
    ['03060219960315001X', 'ELIGIBILITY.ID_REGION'], // no region starts with 0
    ['999999199503151118', 'ELIGIBILITY.ID_REGION'], // 18 digits, but 99 is no province (issue 9 §11)
    ['901234199503151118', 'ELIGIBILITY.ID_REGION'],
    ['191234199503151118', 'ELIGIBILITY.ID_REGION'], // 19 is no province either
    ['33060219960315001A', 'ELIGIBILITY.ID_FORMAT'],
    ['330602199602300010', 'ELIGIBILITY.ID_DATE'], // 30 February
    ['330602199613010010', 'ELIGIBILITY.ID_DATE'], // month 13
    ['330602189912310010', 'ELIGIBILITY.ID_DATE'], // before 1900
    ['11010519491231002Y', 'ELIGIBILITY.ID_FORMAT'],
    ['110105194912310021', 'ELIGIBILITY.ID_CHECKSUM'], // should be X
  ])('refuses %p with %s', (id, code) => {
    expect(parseIdNumber(id)).toEqual({ ok: false, error: code });
  });

  it('a leap day is a valid birth date only in leap years', () => {
    expect(parseIdNumber(withCheck('33060219960229001')).ok).toBe(true);
    expect(parseIdNumber(withCheck('33060219970229001'))).toEqual({ ok: false, error: 'ELIGIBILITY.ID_DATE' });
  });

  const validFirst17 = fc
    .record({
      region: fc
        .tuple(fc.constantFrom(...PROVINCE_CODES), fc.integer({ min: 0, max: 9999 }))
        .map(([p, rest]) => `${p}${String(rest).padStart(4, '0')}`),
      day: fc.integer({ min: 0, max: 365 * 100 }),
      seq: fc.integer({ min: 0, max: 999 }),
    })
    .map(({ region, day, seq }) => {
      const d = new Date(Date.UTC(1920, 0, 1) + day * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
      return `${region}${d}${String(seq).padStart(3, '0')}`;
    });

  it('property: every number with its computed check character parses, and sex follows digit 17', () => {
    fc.assert(
      fc.property(validFirst17, (first17) => {
        const r = parseIdNumber(withCheck(first17));
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.value.sex).toBe(Number(first17[16]) % 2 ? 'male' : 'female');
      }),
    );
  });

  it('property: changing any one digit of a valid number is detected (MOD 11-2 catches single errors)', () => {
    fc.assert(
      fc.property(
        validFirst17,
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        (first17, pos, delta) => {
          const id = withCheck(first17);
          const digit = (Number(id[pos]) + delta) % 10;
          const tampered = `${id.slice(0, pos)}${digit}${id.slice(pos + 1)}`;
          expect(parseIdNumber(tampered).ok).toBe(false);
        },
      ),
    );
  });

  it('property: masking keeps region and last four and hides the birth date', () => {
    fc.assert(
      fc.property(validFirst17, (first17) => {
        const id = withCheck(first17);
        const masked = maskIdNumber(id);
        expect(masked).toBe(`${id.slice(0, 6)}********${id.slice(14)}`);
        expect(masked).not.toContain(id.slice(6, 14));
      }),
    );
  });
});

describe('phones', () => {
  it.each([
    ['13800001234', true],
    ['19912345678', true],
    ['12800001234', false],
    ['1380000123', false],
    ['138000012345', false],
  ])('%s is a mobile number: %s', (phone, expected) => {
    expect(isMobilePhone(phone)).toBe(expected);
  });

  it('masks the middle four digits', () => {
    expect(maskPhone('13800001234')).toBe('138****1234');
  });
});

describe('the message for an unknown region (issue 9 §11)', () => {
  it('an 18-digit number with an unknown region code is not told it should have 18 digits', () => {
    const r = parseIdNumber('999999199503151118');
    expect(r.ok).toBe(false);
    const text = r.ok ? '' : errorText(r.error);
    expect(text).not.toContain('18位');
    expect(text).toContain('地区');
  });
});
