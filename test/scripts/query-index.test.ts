import { indexFor, unindexed, type QueryShape } from '../../scripts/query-index';
import { shapeOf } from '../support/query-shapes';

const nominations = (filter: Record<string, unknown>, sort?: Record<string, 1 | -1>): QueryShape =>
  shapeOf('nominations', 'find', filter, sort ? { sort } : {});

describe('index coverage of query shapes', () => {
  it('finds a query shape no declared index serves', () => {
    const scan = nominations({ deeds: '见义勇为' });
    expect(indexFor(scan)).toBeNull();
    expect(unindexed([scan, nominations({ _id: 'n1' })])).toEqual([scan]);
  });

  it('an unanchored name search scans; an anchored prefix on an indexed field seeks', () => {
    expect(indexFor(shapeOf('orgs', 'find', { name: /晓/ }))).toBeNull();
    expect(indexFor(shapeOf('orgs', 'find', { parentId: { $regex: '^yue' } }))).toBe('parentId');
    expect(indexFor(shapeOf('orgs', 'find', { parentId: /yue/ }))).toBeNull();
  });

  it('equality, $in and ranges on an index’s first field, by id, and $or when every branch seeks', () => {
    expect(indexFor(shapeOf('orgs', 'find', { level: { $in: ['unit'] }, districtId: 'd' }))).toBe('level+districtId');
    expect(indexFor(shapeOf('requests', 'find', { createdAt: { $lt: new Date() } }))).toBe('createdAt');
    expect(indexFor(shapeOf('accounts', 'findOne', { _id: 'o1' }))).toBe('_id');
    expect(indexFor(shapeOf('orgs', 'find', { $or: [{ parentId: 'a' }, { parentId: 'b' }] }))).toBe('parentId');
    expect(indexFor(shapeOf('orgs', 'find', { $or: [{ parentId: 'a' }, { name: 'b' }] }))).toBeNull();
    // A second field alone does not seek on a compound index.
    expect(indexFor(shapeOf('orgs', 'find', { districtId: 'd' }))).toBeNull();
  });

  it('role holders (grants.$elemMatch) and the bootstrap check (grants.role) seek on the accounts index', () => {
    const holders = shapeOf('accounts', 'find', { grants: { $elemMatch: { role: 'unitAdmin', orgId: 'u1' } } });
    expect(indexFor(holders)).toBe('grants.role+grants.orgId');
    expect(indexFor(shapeOf('accounts', 'findOne', { 'grants.role': 'cityAdmin' }))).toBe('grants.role+grants.orgId');
    expect(unindexed([holders])).toEqual([]);
  });

  it('values never reach a recorded shape', () => {
    const shape = shapeOf('nominations', 'find', { name: /^王晓/, idHash: 'abc', at: { $lt: new Date(0) } });
    expect(JSON.stringify(shape)).not.toMatch(/王晓|abc|1970/);
  });
});
