import { codeOf, dataOf } from '../../../support/harness';
import { objectionScene } from '../objection-scene';

describe('admin.revealContact (issue 9 §8, R9.1)', () => {
  it('the objection lists the contact masked; its handler sees it whole with a reason, audited', async () => {
    const { f, h, admin, approved } = await objectionScene();
    const { objectionId } = dataOf(
      await h.call(
        'notice',
        'object',
        { nominationId: approved.id, content: '该同志并非本单位在编人员，请核实。', contact: '0575-88123456' },
        'citizen',
      ),
    );
    const [listed] = dataOf(await h.call('admin', 'objections', {}, admin)).items;
    expect(listed.contactMasked).toBe('0575-****3456');
    expect(JSON.stringify(listed)).not.toContain('88123456');

    // One reason bound, as for the number reveal: "核对" says nothing.
    expect(codeOf(await h.call('admin', 'revealContact', { objectionId, reason: '核对' }, admin))).toBe(
      'INPUT.INVALID',
    );
    const { value } = dataOf(
      await h.call('admin', 'revealContact', { objectionId, reason: '电话核实异议情况' }, admin),
    );
    expect(value).toBe('0575-88123456');
    const audits = await h.deps.store.collection('audit').find({ action: 'admin.revealContact' });
    expect(audits).toEqual([
      expect.objectContaining({
        actor: admin.openid,
        target: `objections/${objectionId}`,
        details: { revealed: 'contact', reason: '电话核实异议情况' },
      }),
    ]);
    expect(JSON.stringify(audits)).not.toContain('88123456');

    // The district only oversees a unit with its own admin: it does not handle, so it does not see it.
    const district = await f.admin('districtAdmin', await f.district('yuecheng'));
    expect(codeOf(await h.call('admin', 'revealContact', { objectionId, reason: '电话核实异议情况' }, district))).toBe(
      'NOMINATION.NOT_REVIEWER',
    );
    const other = await f.admin('unitAdmin', await f.unit({ district: 'keqiao' }));
    expect(codeOf(await h.call('admin', 'revealContact', { objectionId, reason: '电话核实异议情况' }, other))).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
  });

  it('an objection without a contact has nothing to reveal', async () => {
    const { h, admin, approved } = await objectionScene();
    const { objectionId } = dataOf(
      await h.call(
        'notice',
        'object',
        { nominationId: approved.id, content: '该同志并非本单位在编人员，请核实。' },
        'citizen',
      ),
    );
    expect(dataOf(await h.call('admin', 'objections', {}, admin)).items[0].contactMasked).toBeNull();
    expect(codeOf(await h.call('admin', 'revealContact', { objectionId, reason: '电话核实异议情况' }, admin))).toBe(
      'OBJECTION.NOT_FOUND',
    );
  });
});
