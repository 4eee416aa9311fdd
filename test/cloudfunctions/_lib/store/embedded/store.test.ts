/** The embedded store's facade: closing, and CloudBase's collection-name rule. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddedStore } from '../../../../../cloudfunctions/_lib/store/embedded';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'store-durability-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('embedded store behaviour', () => {
  test('a closed store rejects further use; bad collection names are refused', async () => {
    const store = createEmbeddedStore({ dir });
    expect(() => store.collection('bad name')).toThrow(/invalid collection name/);
    expect(() => store.collection('_transactions')).toThrow(/invalid collection name/);
    await store.close();
    await expect(store.collection('items').get('x')).rejects.toThrow(/closed/);
    await expect(store.collection('items').insert({ _id: 'x' })).rejects.toThrow(/closed/);
  });
});
