// seed (?bench=seed&set=S): fills the APP's own database ('pinggu', as renderer/db/instance.ts
// opens it) with a benchmark round, for screens_1000_max_ms (scripts/bench/screens.mjs). The
// bench page is served on the app's origin for this (beside the app, under bench/), so the
// app opened afterwards in the same profile finds the round: its roster from the round
// bundles, every score bundle through the app's own import (prepareImport + commitImport,
// so the sheets, conflicts and audit records are laid out as an import lays them out), and
// the round made the current one, as a secretariat's laptop holds it after a round's scores
// came back.
import { Dexie } from 'dexie';
import { createDatabase, DEFAULT_DATABASE_NAME } from '../db/database';
import { loadBenchSet, sumOf } from './benchData';
import { importOurs, putRoster } from './importRuns';

export async function seedBench(params: URLSearchParams) {
  const set = params.get('set') ?? '';
  const data = await loadBenchSet(set);
  await Dexie.delete(DEFAULT_DATABASE_NAME);
  const db = createDatabase(DEFAULT_DATABASE_NAME);
  await db.open();
  try {
    await putRoster(db, data.rounds);
    const added = await importOurs(db, data.scores, data.index.roundId);
    const expected = sumOf(data.files, 'sheets');
    if (added !== expected) throw new Error(`seed: ${added} sheets added, expected ${expected}`);
    await db.settings.put({ key: 'currentRoundId', value: data.index.roundId });
    return {
      name: 'seed',
      roundId: data.index.roundId,
      bases: data.index.bases,
      panels: data.files.length,
      sheets: await db.scoresheets.count(),
      auditRecords: await db.auditLog.count(),
    };
  } finally {
    db.close();
  }
}
