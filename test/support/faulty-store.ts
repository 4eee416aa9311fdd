/**
 * Fault injection for the store port: wraps any store (embedded, or cloudbase
 * through the real SDK) and makes chosen writes fail as a timeout would,
 * before they reach the store. Writes are numbered across the store and every
 * transactional view it hands out, in the order the code issues them.
 */
import type { Collection, Doc, Store } from '../../cloudfunctions/_lib/store/port';

export interface Faults {
  /** Writes issued so far (insert, updateOne, updateMany, deleteOne). */
  writes: number;
  /** The write numbers that fail. */
  failAt: Set<number>;
}

export class InjectedFault extends Error {
  constructor(n: number) {
    super(`injected fault at write ${n}: the request timed out`);
    this.name = 'InjectedFault';
  }
}

function hit(faults: Faults): void {
  faults.writes += 1;
  if (faults.failAt.has(faults.writes)) throw new InjectedFault(faults.writes);
}

function faultyCollection<T extends Doc>(inner: Collection<T>, faults: Faults): Collection<T> {
  return {
    find: (filter, options) => inner.find(filter, options),
    findOne: (filter) => inner.findOne(filter),
    get: (id) => inner.get(id),
    count: (filter) => inner.count(filter),
    aggregate: (pipeline) => inner.aggregate(pipeline),
    insert: async (doc) => {
      hit(faults);
      return inner.insert(doc);
    },
    updateOne: async (filter, update) => {
      hit(faults);
      return inner.updateOne(filter, update);
    },
    updateMany: async (filter, update) => {
      hit(faults);
      return inner.updateMany(filter, update);
    },
    deleteOne: async (filter) => {
      hit(faults);
      return inner.deleteOne(filter);
    },
  };
}

export function faultyStore(inner: Store, faults: Faults): Store {
  return {
    collection: <T extends Doc>(name: string) => faultyCollection(inner.collection<T>(name), faults),
    withTransaction: (fn) => inner.withTransaction((tx) => fn(faultyStore(tx, faults))),
    compact: () => inner.compact(),
    close: () => inner.close(),
  };
}
