import { C, type PeriodDoc } from '../../../../cloudfunctions/_lib/collections';
import { approval, fixture } from '../../../support/fixtures';
import { codeOf, dataOf } from '../../../support/harness';

describe('registry.openPeriod (issue 14, R1.1)', () => {
  it('opens the next period: the selected become alumni with their history, and may be selected again', async () => {
    const f = await fixture();
    const { h } = f;
    const city = await f.admin('cityAdmin', f.city);
    const unit = await f.unit({ district: 'yuecheng', youthCount: 60 });
    const admin = await f.admin('unitAdmin', unit);
    const youth = await f.youth(unit, { consent: true, birthDate: '1996-05-20' });
    const selected = await f.nomination(unit, { youth });
    dataOf(await h.call('nomination', 'review', approval(selected.id), admin));
    await f.nomination(unit); // submitted, not selected: not an alumnus
    const { draft } = dataOf(await h.call('registry', 'periods', {}, city));
    if (!draft) throw new Error('no draft');
    const rules = { ...draft, quotaRatio: 25, target: 1200 };
    const opened = dataOf(await h.call('registry', 'openPeriod', { rules, reason: '新一期选培启动' }, city));
    expect(opened.alumni).toBe(1);
    expect(opened.changes.map((c) => c.field)).toEqual(
      expect.arrayContaining(['quotaRatio', 'target', 'referenceDate']),
    );
    expect(opened.changes.find((c) => c.field === 'quotaRatio')).toEqual(
      expect.objectContaining({ before: '20', after: '25', label: expect.stringContaining('名额比例') }),
    );
    const periods = await h.deps.store.collection<PeriodDoc>(C.periods).find({});
    expect(periods.map((p) => [p._id, p.current]).sort()).toEqual(
      [
        [f.period?._id, false],
        [opened.periodId, true],
      ].sort(),
    );
    const alumni = dataOf(await h.call('registry', 'youths', { status: 'alumni' }, city));
    expect(alumni.items).toEqual([
      expect.objectContaining({
        name: youth.name,
        alumniReason: 'period_end',
        selected: [expect.stringContaining('选培计划')],
      }),
    ]);
    // The youth is told their record; and may be nominated in the new period (its own uniqueness key).
    expect(dataOf(await h.call('registry', 'myRecord', {}, youth)).record?.status).toBe('alumni');
    h.setNow(new Date(Date.parse(rules.nominationOpensAt) + 24 * 60 * 60 * 1000));
    const again = dataOf(await h.call('nomination', 'submitSelf', youth.form(), youth));
    expect(again.nomination).toEqual(expect.objectContaining({ status: 'submitted' }));
    expect(again.nomination.id).not.toBe(selected.id);
  });

  it('refuses dates out of order or a period not after the last, and anyone but the city', async () => {
    const f = await fixture();
    const city = await f.admin('cityAdmin', f.city);
    const { draft, current } = dataOf(await f.h.call('registry', 'periods', {}, city));
    if (!draft || !current) throw new Error('no period');
    const reason = '新一期选培启动';
    const backwards = { ...draft, nominationDeadline: draft.nominationOpensAt };
    expect(codeOf(await f.h.call('registry', 'openPeriod', { rules: backwards, reason }, city))).toBe('PERIOD.INVALID');
    const { id: _id, ...same } = current;
    expect(codeOf(await f.h.call('registry', 'openPeriod', { rules: same, reason }, city))).toBe('PERIOD.INVALID');
    const district = await f.admin('districtAdmin', await f.district());
    expect(codeOf(await f.h.call('registry', 'openPeriod', { rules: draft, reason }, district))).toBe('AUTH.FORBIDDEN');
  });

  it('active youths past the new age limit become alumni', async () => {
    const f = await fixture();
    const city = await f.admin('cityAdmin', f.city);
    const unit = await f.unit({ district: 'yuecheng' });
    const admin = await f.admin('unitAdmin', unit);
    const { uploadWorkbook } = await import('../import-scene');
    const old = f.person({ birthDate: '1992-07-01' });
    const young = f.person({ birthDate: '2000-01-01' });
    const fileId = await uploadWorkbook(f.h.deps, admin, 'youths', [
      [old.name, old.idNumber, old.phone, ''],
      [young.name, young.idNumber, young.phone, ''],
    ]);
    dataOf(await f.h.call('registry', 'applyImport', { kind: 'youths', fileId }, admin));
    const { draft } = dataOf(await f.h.call('registry', 'periods', {}, city));
    if (!draft) throw new Error('no draft');
    const opened = dataOf(await f.h.call('registry', 'openPeriod', { rules: draft, reason: '新一期选培启动' }, city));
    expect(opened.agedOut).toBe(1);
    const alumni = dataOf(await f.h.call('registry', 'youths', { status: 'alumni' }, city));
    expect(alumni.items.map((y) => [y.name, y.alumniReason])).toEqual([[old.name, 'aged_out']]);
  });
});
