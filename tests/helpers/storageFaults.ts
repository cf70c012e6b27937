// Failures injected into IndexedDB writes, for the reliability drills: at the k-th record a
// Dexie hook throws (inside Dexie, before IndexedDB sees the write), or the k-th store
// request of one database fails the way a real IndexedDB request fails (its error event,
// then the transaction aborted with that error). Both count every write of a transaction
// (put, add, delete, clear), so k can range over the real number of writes of an import.
// Also: a copy of a database, and the seed the drills use (PINGGU_DRILL_SEED reproduces a run).
import type { PingguDatabase } from '../../renderer/db/database';
import { openTestDatabase } from './db';

export type WriteFault = {
  /** Writes seen so far (records for hooks, requests for the IndexedDB fault). */
  writes: () => number;
  /** Whether the failure was injected (k was reached). */
  fired: () => boolean;
  off: () => void;
};

export const injectedFailure = (k: number) => () => new Error(`injected failure at write ${k}`);

/** The DOMException a browser raises when the disk or the origin's quota is full. */
export const quotaExceeded = (): DOMException =>
  new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** Counts record writes in every table through Dexie hooks and throws `error()` at the k-th. */
export function failAtWrite(
  target: PingguDatabase,
  k: number,
  error: () => unknown = injectedFailure(k),
): WriteFault {
  let n = 0;
  const tick = (): void => {
    n += 1;
    if (n === k) throw error();
  };
  const undo = target.tables.map((table) => {
    const onCreate = (): void => tick();
    const onUpdate = (): void => tick();
    const onDelete = (): void => tick();
    table.hook('creating', onCreate);
    table.hook('updating', onUpdate);
    table.hook('deleting', onDelete);
    return () => {
      table.hook('creating').unsubscribe(onCreate);
      table.hook('updating').unsubscribe(onUpdate);
      table.hook('deleting').unsubscribe(onDelete);
    };
  });
  return { writes: () => n, fired: () => n >= k, off: () => undo.forEach((f) => f()) };
}

// fake-indexeddb's transaction queues each request's operation through _execRequestAsync;
// an operation that throws is what a failing store write looks like (fake-indexeddb 6.x).
type QueuedRequest = { operation: () => unknown; source: unknown };
type FakeTransaction = IDBTransaction & {
  _execRequestAsync?: (request: QueuedRequest) => IDBRequest;
};

const WRITE_METHODS = ['put', 'add', 'delete', 'clear'] as const;

/**
 * The k-th write request (put, add, delete, clear) to database `databaseName` fails with
 * `error()`: its request gets the error and the transaction aborts with it, as in a browser.
 */
export function failAtRequest(
  databaseName: string,
  k: number,
  error: () => unknown = injectedFailure(k),
): WriteFault {
  const proto = globalThis.IDBObjectStore.prototype;
  let n = 0;
  const originals = WRITE_METHODS.map((method) => {
    const original: unknown = Reflect.get(proto, method);
    if (typeof original !== 'function') throw new Error(`IDBObjectStore.${method} missing`);
    const wrapped = function (this: IDBObjectStore, ...args: unknown[]): unknown {
      if (this.transaction.db.name !== databaseName) return Reflect.apply(original, this, args);
      n += 1;
      if (n !== k) return Reflect.apply(original, this, args);
      const transaction: FakeTransaction = this.transaction;
      if (typeof transaction._execRequestAsync !== 'function') {
        throw new Error('fake-indexeddb changed: no _execRequestAsync to fail a request with');
      }
      return transaction._execRequestAsync({
        operation: () => {
          throw error();
        },
        source: this,
      });
    };
    Reflect.set(proto, method, wrapped);
    return [method, original] as const;
  });
  return {
    writes: () => n,
    fired: () => n >= k,
    off: () => originals.forEach(([method, original]) => Reflect.set(proto, method, original)),
  };
}

/** A copy of every table of `source` in a new database. */
export async function cloneOf(source: PingguDatabase): Promise<PingguDatabase> {
  const copy = await openTestDatabase();
  const records = await Promise.all(source.tables.map((t) => t.toArray()));
  await copy.transaction('rw', copy.tables, async () => {
    for (const [i, table] of source.tables.entries()) {
      await copy.table(table.name).bulkAdd(records[i] ?? []);
    }
  });
  return copy;
}

/** The drills' fast-check seed: PINGGU_DRILL_SEED reproduces a failed run; fixed otherwise. */
export function drillSeed(fallback: number): number {
  const fromEnv = process.env.PINGGU_DRILL_SEED;
  const seed = fromEnv === undefined || fromEnv.trim() === '' ? fallback : Number(fromEnv);
  if (!Number.isSafeInteger(seed))
    throw new Error(`PINGGU_DRILL_SEED is not an integer: ${fromEnv}`);
  return seed;
}
