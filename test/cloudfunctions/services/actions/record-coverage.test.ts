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
});
