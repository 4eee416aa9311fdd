/**
 * The roster's query shapes through the production adapter: the real CloudBase
 * SDK against the local endpoint, with 1,050 records (past the SDK's 1,000-document
 * read cap), answering exactly what the embedded store answers for the same
 * data — `$in` status filters, scope filters, anchored name prefixes, counts and
 * pages beyond the first thousand.
 */
import type { NominationDoc } from '../../../cloudfunctions/_lib/collections';
import { createLocalDeps } from '../../../scripts/local/deps';
import { startFakeTcbServer, type FakeTcbServer } from '../../support/fake-tcb-server';
import { fixture, type Fixture, type Person } from '../../support/fixtures';
import { dataOf, makeHarness, NOW, type Harness, type InputFor } from '../../support/harness';
import { cloudbaseDeps } from '../../support/cloudbase-deps';

// Each call crosses the SDK and a loopback server: under a loaded CI machine this takes seconds, not milliseconds.
jest.setTimeout(60_000);

const TOTAL = 1050;
const SURNAMES = '王李张';
const STATUSES = ['submitted', 'approved', 'returned', 'rejected'] as const;

describe('the roster through the cloudbase adapter, past 1,000 records', () => {
  let fake: FakeTcbServer;
  let f: Fixture;
  let local: Harness;
  let city: Person;

  beforeAll(async () => {
    fake = await startFakeTcbServer();
    f = await fixture({
      deps: cloudbaseDeps(fake),
    });
    const units = [
      await f.unit({ category: 'two_new', district: 'yuecheng' }),
      await f.unit({ category: 'party_gov', district: 'keqiao' }),
    ];
    const [template] = await f.nominations(units[0], 1);
    city = await f.admin('cityAdmin', f.city);
    // The rest straight into the endpoint's data: 1,049 copies with their own id, name, unit and status.
    const nominations = fake.data.get('nominations');
    const base = nominations?.get(template.id) as unknown as NominationDoc;
    for (let i = 1; i < TOTAL; i++) {
      const unit = units[i % 2];
      const doc: NominationDoc = {
        ...base,
        _id: `${base._id}-${String(i).padStart(4, '0')}`,
        name: `${SURNAMES[i % 3]}${String.fromCharCode(0x4e00 + i)}`,
        unitId: unit._id,
        districtId: unit.districtId,
        category: unit.category as NominationDoc['category'],
        status: STATUSES[i % STATUSES.length],
      };
      nominations?.set(doc._id, doc as unknown as NominationDoc & Record<string, unknown>);
    }
    // The same documents, in the same order, in the embedded store.
    local = await makeHarness({ seed: false, deps: createLocalDeps({ clock: () => NOW }) });
    for (const [name, docs] of fake.data) {
      for (const doc of docs.values()) await local.deps.store.collection(name).insert(doc);
    }
  }, 60_000);
  afterAll(() => fake.close());
  afterEach(() => expect(fake.violations).toEqual([]));

  const both = async (input: InputFor<'admin', 'roster'>) => {
    const cloud = dataOf(await f.h.call('admin', 'roster', input, city));
    const embedded = dataOf(await local.call('admin', 'roster', input, city));
    expect(cloud).toEqual(embedded);
    return cloud;
  };

  /** How many stored records match, counted by hand from the endpoint's data. */
  const counted = (test: (d: NominationDoc) => boolean): number =>
    [...(fake.data.get('nominations')?.values() ?? [])].filter((d) => test(d as unknown as NominationDoc)).length;

  it('pages beyond the first thousand match the embedded store, in the same order', async () => {
    const first = await both({ pageSize: 50 });
    expect(first.total).toBe(TOTAL);
    const beyond = await both({ page: 21, pageSize: 50 }); // records 1,001–1,050: skip past the SDK's cap
    expect(beyond.items).toHaveLength(50);
    expect(beyond.hasMore).toBe(false);
    expect((await both({ page: 22, pageSize: 50 })).items).toEqual([]);
    const ids = new Set<string>();
    for (let page = 1; page <= 21; page++) for (const i of (await both({ page, pageSize: 50 })).items) ids.add(i.id);
    expect(ids.size).toBe(TOTAL); // pages neither overlap nor skip
  }, 60_000);

  it('status, scope and category filters, and an anchored name prefix, count and page alike', async () => {
    expect((await both({ status: 'approved' })).total).toBe(counted((d) => d.status === 'approved'));
    expect((await both({ districtId: 'keqiao', pageSize: 50, page: 3 })).total).toBe(
      counted((d) => d.districtId === 'keqiao'),
    );
    expect((await both({ category: 'two_new', status: 'returned' })).total).toBe(
      counted((d) => d.category === 'two_new' && d.status === 'returned'),
    );
    const wang = await both({ keyword: '王', pageSize: 50, page: 5 });
    expect(wang.total).toBe(counted((d) => d.name.startsWith('王')));
    expect(wang.total).toBeGreaterThan(300);
    expect(wang.items.every((i) => i.name.startsWith('王'))).toBe(true);
    expect((await both({ keyword: '.*' })).total).toBe(0);
  }, 60_000);
});
