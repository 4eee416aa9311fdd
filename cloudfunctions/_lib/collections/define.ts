/**
 * How an area declares its collections: name, document type, indexes and
 * security rule, in one list. `index.ts` assembles the areas into the `C` name
 * map, the embedded store's indexes and the registry `scripts/gen-database.ts`
 * turns into `cloudbase/database.json`, so the laptop and the cloud cannot drift.
 */
import type { Doc } from '../store/port';

/** A top-level field of the document type. */
export type Field<T> = Extract<keyof T, string>;

/**
 * A field of the objects in an array field (`grants.role` of `grants: RoleGrant[]`), for a multikey index that
 * serves `$elemMatch`. CloudBase indexes it; the embedded store indexes top-level fields only and scans these.
 */
export type ArrayPath<T> = {
  [K in Field<T>]: NonNullable<T[K]> extends ReadonlyArray<infer E>
    ? E extends object
      ? `${K}.${Extract<keyof E, string>}`
      : never
    : never;
}[Field<T>];

export type IndexField<T> = Field<T> | ArrayPath<T>;

/**
 * A single-field index, or a compound one with its fields in key order.
 * Ascending only: MongoDB walks an index backwards for a descending sort, so a
 * direction adds nothing to the equality-then-sort queries the functions make.
 */
export type Index<T> = IndexField<T> | readonly [IndexField<T>, IndexField<T>, ...IndexField<T>[]];

/** `closed`: clients neither read nor write; every access goes through a cloud function (R9). */
export type Rule = 'closed';

/** A declaration with its document type erased, as the registry holds it. */
export interface Declaration<N extends string = string> {
  readonly name: N;
  readonly indexes: readonly (string | readonly string[])[];
  readonly rule: Rule;
}

/**
 * `collection<NominationDoc>()({ name, indexes, rule })` — curried like the
 * contracts' `action<O>()`, so the document type is explicit and every index
 * field is checked against it.
 */
export function collection<T extends Doc>() {
  return <const N extends string>(decl: { name: N; indexes: readonly Index<T>[]; rule: Rule }): Declaration<N> => decl;
}

/** An area's collections, with their names kept as literal types for `C`. */
export function defineCollections<const D extends readonly Declaration[]>(declarations: D): D {
  return declarations;
}

/** The fields of one index, in key order. */
export function indexFields(index: string | readonly string[]): readonly string[] {
  return typeof index === 'string' ? [index] : index;
}

/**
 * The embedded store keeps one single-field index per field any declared
 * index names (it intersects them itself), so a query that is indexed in the
 * cloud is indexed on the laptop too.
 */
export function embeddedIndexFields(declaration: Declaration): string[] {
  return [...new Set(declaration.indexes.flatMap(indexFields).filter((f) => !f.includes('.')))];
}
