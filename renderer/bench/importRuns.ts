// One timed import of a round's score bundles, three ways, each into a database of its own:
//   ours  – the app's pipeline as the secretariat's import screen runs it: prepareBatch
//           (per file: limits, hashes, signature, schemas, the preview against the
//           database), then commitBatch (groups of files in one transaction each, every file
//           planned again inside it, with the merge, pins, import record and audit entries);
//   floor – the same bytes with no checks: unzip, inflate, SHA-256 of the payload, decode
//           and JSON.parse, then ONE Dexie bulkPut of every sheet into the same table;
//   pouch – the same sheets, already parsed, written with PouchDB's bulkDocs (one call per
//           bundle) into its IndexedDB adapter;
//   writes – a reference, not a rival: only the writes our import makes for new sheets (per
//           bundle a bulkPut of its sheets and the import's one audit record, renderer/db/
//           repositories/audit.ts, in groups of one transaction as commitBatch cuts them),
//           input already parsed, so the
//           figures show how much of ours is writing.
// Every run starts from a fresh database holding the round's roster (round, templates,
// bases, panels, experts, assignments: what the round bundles carry), written untimed.
import { Dexie } from 'dexie';
import { unzipSync } from 'fflate';
import PouchDB from 'pouchdb-browser';
import type { PouchDatabase } from 'pouchdb-browser';
import { openBundle } from '../../shared/bundle/bundle';
import { asCryptoBytes } from '../../shared/bundle/encoding';
import type { RoundPayload } from '../../shared/bundle/payload';
import type { AuditEntry, Scoresheet } from '../../shared/domain/types';
import { GROUP_SHEETS, groupsUpTo, runBatchImport } from '../db/bundles/batchImport';
import type { BatchProgress } from '../db/bundles/batchTypes';
import { createDatabase } from '../db/database';
import { addAuditGroup } from '../db/repositories/audit';
import type { PingguDatabase } from '../db/database';
import type { BenchFile } from './benchData';

export type ImportMode = 'ours' | 'floor' | 'pouch' | 'writes';

const crypto = globalThis.crypto;
const IMPORT_TIME = '2024-06-01T08:00:00.000Z';

/** Deletes and recreates a database of the app's schema (and durability). */
export async function freshDatabase(name: string): Promise<PingguDatabase> {
  await Dexie.delete(name);
  const db = createDatabase(name);
  await db.open();
  return db;
}

/** The roster of the round bundles, checked by openBundle, written in one transaction. */
export async function putRoster(db: PingguDatabase, rounds: readonly BenchFile[]): Promise<void> {
  const payloads: RoundPayload[] = [];
  for (const file of rounds) {
    const opened = await openBundle(file.bytes, { crypto, expectedKinds: ['round'] });
    if (!opened.ok) throw new Error(`${file.name}: ${opened.error.code}`);
    if (opened.kind !== 'round') throw new Error(`${file.name}: not a round bundle`);
    payloads.push(opened.payload);
  }
  const first = payloads[0];
  if (first === undefined) throw new Error('no round bundle');
  await db.transaction('rw', db.tables, async () => {
    await db.rounds.put(first.round);
    await db.templates.bulkPut(first.templates);
    for (const p of payloads) {
      await db.panels.bulkPut(p.panels);
      await db.bases.bulkPut(p.bases);
      await db.experts.bulkPut(p.experts);
      await db.assignments.bulkPut(p.assignments);
    }
  });
}

export type StepHook = () => void;

/**
 * The app's import of every score bundle as the secretariat's screen runs it (useBatchImport):
 * prepareBatch (every file opened, checked and previewed against the database), the clerk's
 * choice (every file, each panel's first device key ticked as compared with its summary), then
 * commitBatch (groups of files, one transaction each). Returns the sheets added.
 */
export async function importOurs(
  db: PingguDatabase,
  scores: readonly BenchFile[],
  roundId: string,
  onStep: (progress: BatchProgress) => void = () => undefined,
): Promise<number> {
  let id = 0;
  const files = scores.map((file) => ({ name: file.name, bytes: file.bytes }));
  const { items, summary } = await runBatchImport(
    db,
    files,
    {
      crypto,
      roundId,
      actor: '秘书处 基准测试',
      clock: { now: () => IMPORT_TIME },
      newId: () => `bench-import-${(id += 1)}`,
      review: (prepared) => ({
        accepted: new Set(prepared.map((item) => item.index)),
        acceptNewKey: new Set(
          prepared.filter((item) => item.keyStatus === 'newDevice').map((item) => item.index),
        ),
      }),
    },
    onStep,
  );
  const failed = summary.files.find((f) => f.outcome !== 'imported');
  if (failed !== undefined || items.length !== scores.length) {
    throw new Error(
      `${failed?.fileName ?? 'batch'}: ${failed?.error?.messageEn ?? 'not imported'}`,
    );
  }
  return summary.totals.added;
}

function entryOf(entries: Record<string, Uint8Array>, name: string, file: string): Uint8Array {
  const entry = entries[name];
  if (entry === undefined) throw new Error(`${file}: no ${name}`);
  return entry;
}

/** The sheets of a score bundle with no checks at all (the floor's read, also PouchDB's input). */
export async function readSheetsUnchecked(file: BenchFile): Promise<Scoresheet[]> {
  const container = entryOf(unzipSync(file.bytes), 'payload.zip', file.name);
  await crypto.subtle.digest('SHA-256', asCryptoBytes(container));
  const json = entryOf(unzipSync(container), 'scoresheets.json', file.name);
  return JSON.parse(new TextDecoder().decode(json)) as Scoresheet[];
}

/** The floor: read every bundle unchecked, then one bulkPut of all the sheets. */
export async function importFloor(
  db: PingguDatabase,
  scores: readonly BenchFile[],
  onStep: StepHook = () => undefined,
): Promise<number> {
  const sheets: Scoresheet[] = [];
  for (const file of scores) {
    sheets.push(...(await readSheetsUnchecked(file)));
    onStep();
  }
  await db.scoresheets.bulkPut(sheets);
  onStep();
  return sheets.length;
}

export type PouchDocs = ReadonlyArray<ReadonlyArray<Scoresheet & { _id: string }>>;

/** The sheets of each bundle as PouchDB documents (untimed preparation). */
export async function pouchDocs(scores: readonly BenchFile[]): Promise<PouchDocs> {
  const docs = [];
  for (const file of scores) {
    docs.push((await readSheetsUnchecked(file)).map((s) => ({ ...s, _id: s.id })));
  }
  return docs;
}

/** A fresh PouchDB database on IndexedDB. */
export async function freshPouch(name: string): Promise<PouchDatabase> {
  await new PouchDB(name).destroy();
  return new PouchDB(name);
}

/** PouchDB bulkDocs per bundle; returns documents written. */
export async function writePouch(
  pouch: PouchDatabase,
  docs: PouchDocs,
  onStep: StepHook = () => undefined,
): Promise<number> {
  let written = 0;
  for (const batch of docs) {
    const results = await pouch.bulkDocs([...batch]);
    onStep();
    for (const result of results) {
      if ('error' in result && result.error) throw new Error(`PouchDB: ${result.message ?? ''}`);
      written += 1;
    }
  }
  return written;
}

/**
 * Our import's writes alone (see the top): per bundle its sheets and one audit record, the
 * bundles in groups of one transaction each, cut as commitBatch cuts them (GROUP_SHEETS).
 */
export async function writeOnly(
  db: PingguDatabase,
  sheetsPerBundle: ReadonlyArray<readonly Scoresheet[]>,
): Promise<number> {
  let written = 0;
  const bundles = sheetsPerBundle.map((sheets, i) => ({ sheets, i }));
  const groups = groupsUpTo(bundles, (b) => b.sheets.length, GROUP_SHEETS);
  for (const group of groups) {
    await db.transaction('rw', db.tables, async () => {
      for (const { sheets, i } of group) {
        const audit = sheets.map((sheet): AuditEntry => ({
          at: IMPORT_TIME,
          roundId: sheet.roundId,
          action: 'scoresheet.import',
          entityId: sheet.id,
          actor: '秘书处 基准测试',
          detail: `从“scores-${i + 1}.pgb”导入：新评分表`,
        }));
        const context = {
          roundId: sheets[0]?.roundId ?? '',
          at: IMPORT_TIME,
          importId: `w-${i}`,
          actor: '秘书处 基准测试',
          detail: `从“scores-${i + 1}.pgb”导入`,
        };
        await Promise.all([db.scoresheets.bulkPut([...sheets]), addAuditGroup(db, audit, context)]);
      }
    });
    written += group.reduce((n, { sheets }) => n + sheets.length, 0);
  }
  return written;
}
