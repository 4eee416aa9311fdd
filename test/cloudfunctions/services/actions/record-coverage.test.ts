import { codeOf, dataOf } from '../../../support/harness';
import { scene } from '../scene';

describe('services.recordCoverage (R7.3)', () => {
  it('a cadre records a selected youth’s insurance and credit incentive, in scope only', async () => {
    const s = await scene();
    const unit = await s.f.unit({ district: 'yuecheng' });
    const n = await s.f.nomination(unit, { youth: s.youth, status: 'approved' });
    const out = dataOf(
      await s.f.h.call(
        'services',
        'recordCoverage',
        { nominationId: n.id, kind: 'insurance', name: '青年人身意外保险' },
        s.districtAdmin,
      ),
    );
    expect(out).toMatchObject({ kind: 'insurance', kindLabel: '人身意外保险', youthName: '张晓青' });
    const keqiao = await s.f.admin('districtAdmin', await s.f.district('keqiao'));
    expect(
      codeOf(
        await s.f.h.call(
          'services',
          'recordCoverage',
          { nominationId: n.id, kind: 'credit', name: '守信激励' },
          keqiao,
        ),
      ),
    ).toBe('AUTH.OUT_OF_SCOPE');
    const pending = await s.f.nomination(unit, { youth: s.other });
    expect(
      codeOf(
        await s.f.h.call(
          'services',
          'recordCoverage',
          { nominationId: pending.id, kind: 'credit', name: '守信激励' },
          s.city,
        ),
      ),
    ).toBe('NOMINATION.NOT_FOUND');
  });

  it('records the date of the enrolment (a China date, not in the future); without one, today', async () => {
    const s = await scene();
    const n = await s.f.nomination(await s.f.unit({ district: 'yuecheng' }), { youth: s.youth, status: 'approved' });
    const dated = { nominationId: n.id, kind: 'insurance', name: '青年人身意外保险', on: '2026-11-20' } as const;
    expect(dataOf(await s.f.h.call('services', 'recordCoverage', dated, s.districtAdmin)).on).toBe('2026-11-20');
    const before = await s.f.h.snapshot();
    const future = { ...dated, kind: 'credit', on: '2026-11-25' } as const;
    expect(codeOf(await s.f.h.call('services', 'recordCoverage', future, s.districtAdmin))).toBe('INPUT.INVALID');
    expect(await s.f.h.snapshot()).toEqual(before);
    const undated = { nominationId: n.id, kind: 'credit', name: '联合守信激励' } as const;
    expect(dataOf(await s.f.h.call('services', 'recordCoverage', undated, s.districtAdmin)).on).toBe('2026-11-24');
  });
});
