// Drill: a database from any earlier version of the app opens in this one with every record
// intact. For EVERY entry of SCHEMA_VERSIONS (a version added later is picked up without
// touching this file), seeded random databases are written with a plain Dexie declaring
// only the versions up to that one, then opened by the current PingguDatabase, once in one
// jump and once version by version (a user who installed every release). Every table that
// version had and the current one still has is compared record by record, field by field.
// An upgrade function may rewrite records on purpose: say how in REWRITTEN_BY.
// PINGGU_DRILL_SEED=<seed> reproduces a run.
import { Dexie } from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase } from '../../../../renderer/db/database';
import type { PingguDatabase } from '../../../../renderer/db/database';
import {
  CURRENT_SCHEMA_VERSION,
  SCHEMA_VERSIONS,
  TABLE_NAMES,
  declareSchema,
} from '../../../../renderer/db/schema';
import type { SchemaVersion, TableName } from '../../../../renderer/db/schema';
import {
  openTestDatabase,
  readAll,
  seedDatabaseAtVersion,
  uniqueDatabaseName,
} from '../../../helpers/db';
import type { RawSeed } from '../../../helpers/db';
import { databaseSpecArb, fillDatabase } from '../../../helpers/randomDatabase';
import type { DatabaseSpec } from '../../../helpers/randomDatabase';
import { drillSeed } from '../../../helpers/storageFaults';

const SEED = drillSeed(8_5);
const RUNS_PER_VERSION = 8;

/**
 * Versions whose upgrade rewrites records: the record the app must read back for a record
 * seeded before that version, or null when the upgrade removes it on purpose (moved to a
 * new table, say). Versions without an entry must leave every field as it was (an upgrade
 * may still add fields).
 */
const REWRITTEN_BY: Partial<Record<number, (table: TableName, record: object) => object | null>> =
  {};

/** The tables a version has (TABLE_NAMES lists every table any version ever had). */
const tablesOf = (v: SchemaVersion): TableName[] =>
  TABLE_NAMES.filter((table) => typeof v.stores[table] === 'string');

const records = async (db: Dexie, table: TableName): Promise<object[]> =>
  (await readAll(db, table)).filter((r): r is object => typeof r === 'object' && r !== null);

const CURRENT = SCHEMA_VERSIONS.find((v) => v.version === CURRENT_SCHEMA_VERSION);
const currentTables = new Set<string>(CURRENT ? tablesOf(CURRENT) : []);

const opened: Dexie[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** A random database's records, limited to the tables version `v` had. */
async function randomSeed(v: SchemaVersion, spec: DatabaseSpec): Promise<RawSeed> {
  const scratch = await openTestDatabase();
  await fillDatabase(scratch, spec);
  const seed: RawSeed = {};
  for (const table of tablesOf(v)) {
    if (currentTables.has(table)) seed[table] = await records(scratch, table);
  }
  await scratch.delete();
  return seed;
}

/** Opens `name` with the schema of every version after `from`, one release at a time. */
async function upgradeStepwise(name: string, from: number): Promise<void> {
  for (const v of SCHEMA_VERSIONS) {
    if (v.version <= from || v.version >= CURRENT_SCHEMA_VERSION) continue;
    const step = new Dexie(name);
    declareSchema(step, v.version);
    await step.open();
    step.close();
  }
}

/** What the current app must read for `record`, seeded at version `from` (null: removed). */
function expectedRecord(table: TableName, record: object, from: number): object | null {
  let current: object | null = record;
  for (const v of SCHEMA_VERSIONS) {
    const rewrite = REWRITTEN_BY[v.version];
    if (v.version > from && rewrite && current !== null) current = rewrite(table, current);
  }
  return current;
}

const keyOf = (table: TableName, record: object): string =>
  String(Reflect.get(record, table === 'auditLog' ? 'seq' : table === 'settings' ? 'key' : 'id'));

/** Every seeded record is there, each field equal; what an upgrade adds is allowed. */
async function expectIntact(db: PingguDatabase, seed: RawSeed, from: number): Promise<number> {
  let compared = 0;
  const mayAdd = SCHEMA_VERSIONS.some((v) => v.version > from && v.upgrade !== undefined);
  for (const table of TABLE_NAMES) {
    const seeded = seed[table] ?? [];
    if (!(table in seed)) continue;
    const stored = new Map((await records(db, table)).map((r) => [keyOf(table, r), r]));
    const wanted = seeded.flatMap((record) => {
      const want = expectedRecord(table, record, from);
      return want === null ? [] : [want];
    });
    // An upgrade may add records (defaults, say); it may not lose any.
    if (mayAdd) expect(stored.size, `v${from} ${table}`).toBeGreaterThanOrEqual(wanted.length);
    else expect(stored.size, `v${from} ${table}: record count`).toBe(wanted.length);
    for (const want of wanted) {
      const got = stored.get(keyOf(table, want));
      const where = `v${from} ${table} ${keyOf(table, want)}`;
      expect(got, where).toBeDefined();
      for (const [field, value] of Object.entries(want)) {
        expect(Reflect.get(got ?? {}, field), `${where}.${field}`).toEqual(value);
      }
      if (!mayAdd) expect(Object.keys(got ?? {}).sort(), where).toEqual(Object.keys(want).sort());
      compared += 1;
    }
  }
  return compared;
}

describe('drill: databases of every schema version open with every record intact', () => {
  it('knows every version, up to the current one', () => {
    expect(SCHEMA_VERSIONS.length).toBeGreaterThanOrEqual(2);
    expect(SCHEMA_VERSIONS.at(-1)?.version).toBe(CURRENT_SCHEMA_VERSION);
  });

  for (const version of SCHEMA_VERSIONS) {
    for (const path of ['in one jump', 'version by version'] as const) {
      it(`opens ${RUNS_PER_VERSION} random v${version.version} databases ${path} (seed ${SEED})`, async () => {
        let compared = 0;
        await fc.assert(
          fc.asyncProperty(databaseSpecArb, async (spec) => {
            const name = uniqueDatabaseName(`v${version.version}`);
            const seed = await randomSeed(version, spec);
            await seedDatabaseAtVersion(name, version.version, seed);
            if (path === 'version by version') await upgradeStepwise(name, version.version);
            const db = createDatabase(name);
            opened.push(db);
            await db.open();
            expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
            compared += await expectIntact(db, seed, version.version);
          }),
          { seed: SEED + version.version, numRuns: RUNS_PER_VERSION, endOnFailure: true },
        );
        // Tables of that version, with records: at least rounds, bases, sheets and settings.
        expect(compared).toBeGreaterThan(RUNS_PER_VERSION * 20);
      }, 120_000);
    }
  }
});
