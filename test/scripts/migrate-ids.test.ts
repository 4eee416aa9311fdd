/** `npm run migrate-ids`: first-release nominations, whose ids were derived from the ID number, get random ids. */
import { C, type AuditDoc, type NominationDoc } from '../../cloudfunctions/_lib/collections';
import { personKey } from '../../cloudfunctions/nomination/src/record';
import { migrateNominationIds } from '../../scripts/migrate-ids';
import { fixture } from '../support/fixtures';
import { codeOf, dataOf } from '../support/harness';

describe('migrate-ids (issue 8 §9)', () => {
  it('moves a first-release record, its key, objections, counters and audit targets; a rerun does nothing', async () => {
    const f = await fixture();
    const { h } = f;
    const unit = await f.unit({ category: 'party_gov', youthCount: 400 });
    const admin = await f.admin('unitAdmin', unit);
    const n = await f.nomination(unit, { status: 'approved' });
    const objection = dataOf(
      await h.call(
        'notice',
        'object',
        { nominationId: n.id, content: '该同志并非本单位在编人员，请核实。' },
        'citizen',
      ),
    );
    // Make it a first-release record: the key as its id, no key document.
    const nominations = h.deps.store.collection<NominationDoc>(C.nominations);
    const doc = (await nominations.get(n.id))!;
    const legacy = personKey(h.deps, doc.periodId, n.idNumber);
    await nominations.insert({ ...doc, _id: legacy });
    await nominations.deleteOne({ _id: n.id });
    await h.deps.store.collection(C.nominationKeys).deleteOne({ _id: legacy });
    await h.deps.store
      .collection(C.objections)
      .updateOne({ _id: objection.objectionId }, { $set: { nominationId: legacy } });
    const counter = (await h.deps.store.collection(C.limits).get(`objection-open:${n.id}:citizen`))!;
    await h.deps.store.collection(C.limits).insert({ ...counter, _id: `objection-open:${legacy}:citizen` });
    await h.deps.store.collection(C.limits).deleteOne({ _id: counter._id });
    await h.deps.store.collection<AuditDoc>(C.audit).insert({
      _id: 'old-audit',
      requestId: 'r',
      actor: admin.openid,
      action: 'nomination.review',
      target: `nominations/${legacy}`,
      at: h.deps.clock(),
    });
    // Meanwhile the functions still find it by its old id: the person cannot be nominated twice.
    const again = { unitId: unit._id, form: n.form(), consentObtained: true } as const;
    expect(codeOf(await h.call('nomination', 'nominateByUnit', again, admin))).toBe('NOMINATION.DUPLICATE');

    expect(await migrateNominationIds(h.deps.store)).toBe(1);
    const [moved] = await nominations.find({});
    expect(moved._id).not.toContain(':');
    expect(await h.deps.store.collection(C.nominationKeys).get(legacy)).toEqual(
      expect.objectContaining({ nominationId: moved._id }),
    );
    expect(await h.deps.store.collection(C.objections).get(objection.objectionId)).toEqual(
      expect.objectContaining({ nominationId: moved._id }),
    );
    expect(await h.deps.store.collection(C.limits).get(`objection-open:${moved._id}:citizen`)).not.toBeNull();
    expect(await h.deps.store.collection(C.audit).get('old-audit')).toEqual(
      expect.objectContaining({ target: `nominations/${moved._id}` }),
    );
    const everything = JSON.stringify(
      await Promise.all(
        [C.nominations, C.objections, C.limits, C.audit].map((c) => h.deps.store.collection(c).find({})),
      ),
    );
    expect(everything).not.toContain(legacy);
    expect(codeOf(await h.call('nomination', 'nominateByUnit', again, admin))).toBe('NOMINATION.DUPLICATE');
    expect(await migrateNominationIds(h.deps.store)).toBe(0);
  });
});
