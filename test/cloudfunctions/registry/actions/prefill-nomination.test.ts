import { C, type AuditDoc, type RequestDoc } from '../../../../cloudfunctions/_lib/collections';
import { fixture, nominationForm } from '../../../support/fixtures';
import { codeOf, dataOf } from '../../../support/harness';
import { youthScene } from '../youth-scene';

describe('registry.prefillNomination (issue 14: 组织推荐 from the imported list)', () => {
  it('starts the form from an imported youth; submitted, the youth shows as nominated', async () => {
    const f = await fixture();
    const { unit, admin } = await youthScene(f, 1);
    const list = dataOf(await f.h.call('registry', 'candidates', { unitId: unit._id }, admin));
    const candidate = list.items.find((c) => c.nomination === null)!;
    const prefill = dataOf(
      await f.h.call('registry', 'prefillNomination', { youthId: candidate.id }, admin, 'req_prefill_00001'),
    );
    expect(prefill).toMatchObject({ youthId: candidate.id, unitId: unit._id, name: candidate.name });
    expect(prefill.idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(prefill.idNumber.slice(0, 6)).toBe(candidate.idNumberMasked.slice(0, 6));
    expect(prefill.phone).toMatch(/^1\d{10}$/);
    // An audited view: the record and the purpose, never the numbers.
    const audit = await f.h.deps.store.collection<AuditDoc>(C.audit).find({ target: `youths/${candidate.id}` });
    expect(audit.map((a) => a.details)).toContainEqual({ purpose: 'unit_nomination', unitId: unit._id });
    expect(JSON.stringify(audit)).not.toContain(prefill.idNumber);
    // R9.1 like a reveal, never kept for replay: each prefill is checked and audited afresh.
    const kept = await f.h.deps.store.collection<RequestDoc>(C.requests).find({});
    expect(kept.filter((r) => r._id.startsWith('registry.prefillNomination:'))).toEqual([]);

    const form = nominationForm(prefill, { post: prefill.post || '技术员' });
    dataOf(await f.h.call('nomination', 'nominateByUnit', { unitId: unit._id, form, consentObtained: true }, admin));
    const after = dataOf(await f.h.call('registry', 'candidates', { unitId: unit._id }, admin));
    expect(after.items.find((c) => c.id === candidate.id)?.nomination).toBe('待审核');
  });

  it('only for an active youth of the admin’s own unit', async () => {
    const f = await fixture();
    const { unit, admin } = await youthScene(f, 1);
    const [first] = dataOf(await f.h.call('registry', 'candidates', { unitId: unit._id }, admin)).items;
    const other = await f.admin('unitAdmin', await f.unit({ district: 'yuecheng' }));
    expect(codeOf(await f.h.call('registry', 'prefillNomination', { youthId: first.id }, other))).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
    expect(codeOf(await f.h.call('registry', 'prefillNomination', { youthId: 'nobody' }, admin))).toBe(
      'YOUTH.NOT_FOUND',
    );
    dataOf(await f.h.call('registry', 'leave', { youthId: first.id, reason: '已调离本单位' }, admin));
    expect(codeOf(await f.h.call('registry', 'prefillNomination', { youthId: first.id }, admin))).toBe(
      'YOUTH.INVALID_STATE',
    );
  });
});
