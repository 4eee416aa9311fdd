import type { ServiceConsentDoc } from '../../../../cloudfunctions/_lib/collections';
import { codeOf, dataOf } from '../../../support/harness';
import { scene } from '../scene';

describe('services.consent', () => {
  it('given and withdrawn per sensitive type, with its history and an audit entry', async () => {
    const s = await scene();
    dataOf(await s.f.h.call('services', 'consent', { typeId: 'children', granted: true }, s.youth));
    dataOf(await s.f.h.call('services', 'consent', { typeId: 'children', granted: false }, s.youth));
    const doc = await s.f.h.deps.store
      .collection<ServiceConsentDoc>('serviceConsents')
      .get(`${s.youth.openid}:children`);
    expect(doc?.granted).toBe(false);
    expect(doc?.history.map((h) => h.granted)).toEqual([true, false]);
    expect(await s.f.h.deps.store.collection('audit').count({ action: 'services.consent' })).toBe(2);
  });

  it('only for an active sensitive type', async () => {
    const s = await scene();
    expect(codeOf(await s.f.h.call('services', 'consent', { typeId: 'housing', granted: true }, s.youth))).toBe(
      'SERVICE.TYPE_UNKNOWN',
    );
    expect(codeOf(await s.f.h.call('services', 'consent', { typeId: 'nope', granted: true }, s.youth))).toBe(
      'SERVICE.TYPE_UNKNOWN',
    );
  });
});
