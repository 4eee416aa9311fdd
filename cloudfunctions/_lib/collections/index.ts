/**
 * The collection registry: every area's declarations in one list, and what is
 * derived from it — the `C` name map the code uses, the embedded store's
 * indexes, and (through scripts/gen-database.ts) cloudbase/database.json.
 * A new area adds its file and its list to REGISTRY.
 */
import { embeddedIndexFields } from './define';
import { PLATFORM } from './platform';
import { SELECTION } from './selection';
import { MENTORING } from './mentoring';
import { SERVICES } from './services';
import { REGISTRY_AREA } from './registry';
import { CULTIVATION } from './cultivation';

export type { Declaration, Index, Rule } from './define';
export { indexFields } from './define';
export * from './platform';
export * from './selection';
export * from './mentoring';
export * from './services';
export * from './registry';
export * from './cultivation';

export const REGISTRY = [
  ...PLATFORM,
  ...SELECTION,
  ...MENTORING,
  ...SERVICES,
  ...REGISTRY_AREA,
  ...CULTIVATION,
] as const;

export type CollectionName = (typeof REGISTRY)[number]['name'];

/** Collection names, e.g. `C.nominations`: a collection the registry does not declare does not compile. */
export const C = Object.fromEntries(REGISTRY.map((d) => [d.name, d.name])) as { readonly [N in CollectionName]: N };

/** Collection name → fields the embedded store keeps secondary indexes on. */
export const INDEXES: Record<string, string[]> = Object.fromEntries(
  REGISTRY.map((d) => [d.name, embeddedIndexFields(d)]),
);

/** Collection name → its declared indexes, each as its fields in key order (for the index coverage check). */
export const INDEX_DECLARATIONS: ReadonlyMap<string, ReadonlyArray<readonly string[]>> = new Map(
  REGISTRY.map((d) => [d.name, d.indexes.map((i) => (typeof i === 'string' ? [i] : [...i]))]),
);
