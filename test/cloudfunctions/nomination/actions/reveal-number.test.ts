import type { Fixture, Nominee, Person, Youth } from '../../../support/fixtures';
import { codeOf, dataOf, type Harness } from '../../../support/harness';
import { recordScene } from '../record-scene';

describe('nomination.reveal: the audited view (R9.1)', () => {
  let f: Fixture;
  let h: Harness;
  let admin: Person;
  let youth: Youth;
  let n: Nominee;
  beforeEach(async () => {
    ({ f, h, admin, youth, n } = await recordScene());
  });

  it('reveals one full value to a reviewer in scope and records who, why and what', async () => {
    const res = dataOf(
      await h.call(
        'nomination',
        'reveal',
        { nominationId: n.id, field: 'phone', reason: '电话核实在编情况' },
        admin,
        'req_reveal000001',
      ),
    );
    expect(res.value).toBe('13800001111');
    expect(await h.deps.store.collection('audit').find({ requestId: 'req_reveal000001' })).toEqual([
      expect.objectContaining({
        actor: admin.openid,
        action: 'nomination.reveal',
        details: { revealed: 'phone', reason: '电话核实在编情况' },
      }),
    ]);
  });

  it('is refused out of scope and to the youth role', async () => {
    const keqiao = await f.admin('districtAdmin', await f.district('keqiao'));
    const reveal = { nominationId: n.id, field: 'idNumber', reason: '核实身份信息' } as const;
    expect(codeOf(await h.call('nomination', 'reveal', reveal, keqiao))).toBe('AUTH.OUT_OF_SCOPE');
    expect(codeOf(await h.call('nomination', 'reveal', reveal, youth))).toBe('AUTH.FORBIDDEN');
  });
});
