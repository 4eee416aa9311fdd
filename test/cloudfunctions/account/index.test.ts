/**
 * The production entry (`src/index.ts` → the deployed bundle) against the
 * real @cloudbase/node-sdk talking to the local fake endpoint: identity comes
 * from the platform context, never from the payload.
 */
import type { FakeTcbServer } from '../../support/fake-tcb-server';
import { contextFor, productionEntry, type Main, type ProductionEntry } from '../../support/production-entry';

describe('production entry through the CloudBase SDK', () => {
  let entry: ProductionEntry;
  let fake: FakeTcbServer;
  let main: Main;

  beforeAll(async () => {
    entry = await productionEntry(() => import('../../../cloudfunctions/account/src/index'));
    ({ fake, main } = entry);
  });

  afterAll(() => entry.close());

  it('takes the OPENID from the platform context', async () => {
    const res = await main({ action: 'me', data: {} }, contextFor('dev-unit-admin'));
    expect(res).toEqual(
      expect.objectContaining({ ok: true, data: expect.objectContaining({ displayName: '陈管理员' }) }),
    );
    expect(fake.violations).toEqual([]);
    expect(fake.requests.some((r) => r.action === 'database.getDocument')).toBe(true);
  });

  it('ignores identity claimed in the payload or a dev header field', async () => {
    const res = await main(
      { action: 'me', data: {}, openid: 'dev-city-admin', headers: { 'x-dev-openid': 'dev-city-admin' } },
      contextFor(),
    );
    expect(res).toEqual(
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'AUTH.UNAUTHENTICATED' }) }),
    );
  });

  it('a write goes through the SDK and is audited', async () => {
    const res = await main(
      { action: 'bindUnit', data: { unitId: 'keqiao-tech', displayName: '云上青年' }, requestId: 'req_prod00000001' },
      contextFor('cloud-user'),
    );
    expect(res.ok).toBe(true);
    const audit = [...(fake.data.get('audit')?.values() ?? [])];
    expect(audit).toEqual([
      expect.objectContaining({ actor: 'cloud-user', action: 'account.bindUnit', requestId: 'req_prod00000001' }),
    ]);
    expect(fake.violations).toEqual([]);
  });
});
