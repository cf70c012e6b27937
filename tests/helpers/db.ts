// A fresh database per test on fake-indexeddb (loaded by setup.ts), and a way to build one
// as an older schema version left it, for migration tests.
import { Dexie } from 'dexie';
import { createDatabase } from '../../renderer/db/database';
import type { PingguDatabase } from '../../renderer/db/database';
import { declareSchema } from '../../renderer/db/schema';
import type { TableName } from '../../renderer/db/schema';
import type { RoundRecords } from './builders';
import type { IssuedRound } from './roundChangeBuilders';
import type { Round } from '../../shared/domain/types';

let counter = 0;

export function uniqueDatabaseName(prefix = 'pinggu-test'): string {
  counter += 1;
  return `${prefix}-${counter}-${crypto.randomUUID()}`;
}

/** A new, empty, opened database under a unique name. */
export async function openTestDatabase(): Promise<PingguDatabase> {
  const db = createDatabase(uniqueDatabaseName());
  await db.open();
  return db;
}

/** Raw records per table, exactly as a given schema version stored them. */
export type RawSeed = Partial<Record<TableName, readonly object[]>>;

/**
 * Creates database `name` at schema `version` with a plain Dexie (no PingguDatabase),
 * writes `seed` into its stores and closes it, as an older app build would have left it.
 */
export async function seedDatabaseAtVersion(
  name: string,
  version: number,
  seed: RawSeed,
): Promise<void> {
  const raw = new Dexie(name);
  declareSchema(raw, version);
  await raw.open();
  await raw.transaction('rw', raw.tables, async () => {
    for (const [table, records] of Object.entries(seed)) {
      if (records.length > 0) await raw.table(table).bulkAdd([...records]);
    }
  });
  raw.close();
}

/** Every record of a table of any Dexie, in primary-key order. */
export function readAll(db: Dexie, table: TableName): Promise<unknown[]> {
  return db.table(table).toArray();
}

/**
 * Test setup only: writes an issued round (roundChangeBuilders.ts) and its sheets straight
 * into the tables; `round` overrides fields of its round record.
 */
export async function putIssuedRound(
  db: PingguDatabase,
  records: IssuedRound,
  round: Partial<Round> = {},
): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await db.rounds.add({ ...records.round, ...round });
    await db.panels.bulkAdd(records.panels);
    await db.experts.bulkAdd(records.experts);
    await db.bases.bulkAdd(records.bases);
    await db.assignments.bulkAdd(records.assignments);
    await db.scoresheets.bulkAdd(records.scoresheets);
  });
}

/** Test setup only: writes a built round's records straight into the tables. */
export async function putRoundRecords(db: PingguDatabase, r: RoundRecords): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await db.rounds.add(r.round);
    await db.templates.bulkPut(r.templates);
    await db.panels.add(r.panel);
    await db.experts.bulkAdd(r.experts);
    await db.bases.bulkAdd(r.bases);
    await db.assignments.bulkAdd(r.assignments);
    await db.scoresheets.bulkAdd(r.scoresheets);
  });
}
