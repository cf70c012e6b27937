// Imports with real local state for the reliability drills, one database each: a score
// bundle that updates sheets already imported and adds new ones; a larger score
// bundle (50 sheets); a round bundle re-issued with changes on a panel laptop; a result
// bundle archived on a department's machine; a backup restored over a non-empty database.
import fc from 'fast-check';
import type { PingguDatabase } from '../../renderer/db/database';
import { exportBackupPayload } from '../../renderer/db/bundles/backup';
import { applyScoresheetEdit } from '../../renderer/db/repositories/scoresheetRepository';
import type { EditContext } from '../../renderer/db/repositories/scoresheetRepository';
import { setOverallComment } from '../../shared/domain/scoresheet';
import { builtinTemplateForType } from '../../shared/domain/templates';
import type { Scoresheet } from '../../shared/domain/types';
import {
  buildAssignment,
  buildAuditEntry,
  buildBase,
  buildExpert,
  buildPanel,
  buildRound,
  buildRoundRecords,
  buildScoresheet,
  testSheetDeps,
} from './builders';
import type { RoundRecords } from './builders';
import { samplePayload } from './bundleBuilders';
import { openTestDatabase, putRoundRecords } from './db';
import {
  backupBundle,
  importBundle,
  keyOf,
  resultBundle,
  roundBundleFrom,
  scoresBundle,
  scoresBundleFrom,
  secretariatDatabase,
  valueOf,
} from './importBuilders';
import { scoreEverySheet } from './panelWorkflow';
import { databaseSpecArb, fillDatabase } from './randomDatabase';

export type ImportScenario = {
  name: string;
  /** The database the bundle is imported into, in its state before the import. */
  db: PingguDatabase;
  bytes: Uint8Array;
};

/** Secretariat: expert 1's sheets imported; laptop-2 sends all six sheets, changed. */
async function scoresUpdate(): Promise<ImportScenario> {
  const [db, panel] = await Promise.all([openTestDatabase(), openTestDatabase()]);
  const r = await secretariatDatabase(db);
  await importBundle(panel, await roundBundleFrom(db, r));
  const deps = testSheetDeps('laptop-1');
  await scoreEverySheet(panel, r.round.id, deps, { submit: false });
  const [firstExpert] = r.experts;
  await importBundle(db, await scoresBundleFrom(panel, r, { expertIds: [firstExpert?.id ?? ''] }));
  for (const sheet of await panel.scoresheets.toArray()) {
    const note = (s: Scoresheet, { stamp }: EditContext) => setOverallComment(s, '补充意见', stamp);
    valueOf(await applyScoresheetEdit(panel, sheet.id, note, '专家', deps));
  }
  const bytes = await scoresBundleFrom(panel, r, { deviceId: 'laptop-2' });
  await panel.delete();
  return { name: 'scores (updates, new sheets)', db, bytes };
}

/** Secretariat of a round of 10 bases and 5 experts; a laptop sends 50 scored sheets. */
async function largeScores(): Promise<ImportScenario> {
  const db = await openTestDatabase();
  const round = buildRound({ status: 'issued' });
  const panel = buildPanel(round.id);
  const experts = [1, 2, 3, 4, 5].map((i) => buildExpert(round.id, panel.id, { name: `专家${i}` }));
  const bases = Array.from({ length: 10 }, () => buildBase(round.id, { panelId: panel.id }));
  const records: RoundRecords = {
    round,
    panel,
    experts,
    bases,
    assignments: bases.flatMap((b) => experts.map((e) => buildAssignment(b, e))),
    scoresheets: [],
    templates: [builtinTemplateForType('A1')],
  };
  await putRoundRecords(db, records);
  const scoresheets = bases.flatMap((b, i) =>
    experts.map((e, j) =>
      buildScoresheet(b, e, { scores: { 'A1.1.1': (i + j) % 10 }, overallComment: `意见${i}` }),
    ),
  );
  const audit = scoresheets.map((s) =>
    buildAuditEntry(round.id, { entityId: s.id, action: 'scoresheet.update' }),
  );
  const bytes = await scoresBundle(
    { scoresheets, audit },
    { signer: await keyOf('laptop-9'), deviceId: 'laptop-9', roundId: round.id, panelId: panel.id },
  );
  return { name: 'scores (50 sheets)', db, bytes };
}

/** Panel laptop holding a round bundle; the secretariat re-issues it with changes. */
async function roundReissue(): Promise<ImportScenario> {
  const [secretariat, db] = await Promise.all([openTestDatabase(), openTestDatabase()]);
  const r = await secretariatDatabase(secretariat);
  await importBundle(db, await roundBundleFrom(secretariat, r));
  const added = ['王强', '赵敏', '孙磊'].map((name) =>
    buildExpert(r.round.id, r.panel.id, { name }),
  );
  await secretariat.experts.bulkAdd(added);
  await secretariat.assignments.bulkAdd(
    r.bases.flatMap((b) => added.map((e) => buildAssignment(b, e))),
  );
  for (const base of r.bases) {
    await secretariat.bases.update(base.id, { director: '新任主任' });
  }
  const bytes = await roundBundleFrom(secretariat, r, { createdAt: '2024-05-20T08:00:00.000Z' });
  await secretariat.delete();
  return { name: 'round (re-issued)', db, bytes };
}

/** A department's machine holding one archive; a result bundle of another round arrives. */
async function resultArchive(): Promise<ImportScenario> {
  const db = await openTestDatabase();
  const signer = await keyOf('secretariat');
  const earlier = samplePayload('result');
  await importBundle(
    db,
    await resultBundle(earlier, { signer, deviceId: 'secretariat-pc', roundId: earlier.round.id }),
  );
  const payload = samplePayload('result');
  const bytes = await resultBundle(payload, {
    signer,
    deviceId: 'secretariat-pc',
    roundId: payload.round.id,
  });
  return { name: 'result (archive)', db, bytes };
}

/** A machine with data of its own restores the backup of another machine. */
async function backupOverData(): Promise<ImportScenario> {
  const [db, other] = await Promise.all([openTestDatabase(), openTestDatabase()]);
  const [mine, theirs] = fc.sample(databaseSpecArb, { seed: 4242, numRuns: 2 });
  if (!mine || !theirs) throw new Error('no database spec sampled');
  await fillDatabase(db, mine);
  await fillDatabase(other, theirs);
  await secretariatDatabase(other, buildRoundRecords({ status: 'issued' }));
  const bytes = await backupBundle(await exportBackupPayload(other), {
    signer: await keyOf('other-pc'),
    deviceId: 'other-pc',
  });
  await other.delete();
  return { name: 'backup (restore over data)', db, bytes };
}

/** Every scenario, each in a fresh database. */
export async function importScenarios(): Promise<ImportScenario[]> {
  return Promise.all([
    scoresUpdate(),
    largeScores(),
    roundReissue(),
    resultArchive(),
    backupOverData(),
  ]);
}
