// Result bundles make read-only archived rounds: every raw sheet and decision, results
// computable, history across rounds by base code; importing the same result again changes
// nothing; an older one never replaces a newer; no repository writes an archived round.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import { commitImport } from '../../../../renderer/db/bundles/commitImport';
import { dataDigest, databaseDigest } from '../../../../renderer/db/bundles/digest';
import { prepareImport } from '../../../../renderer/db/bundles/prepareImport';
import { listBaseHistory } from '../../../../renderer/db/queries';
import { resolveConflict } from '../../../../renderer/db/repositories/conflictRepository';
import { recordDecision } from '../../../../renderer/db/repositories/decisionRepository';
import {
  createScoresheet,
  recuseScoresheet,
  reopenScoresheet,
  saveScore,
  submitScoresheet,
} from '../../../../renderer/db/repositories/scoresheetRepository';
import type { PayloadByKind } from '../../../../shared/bundle/payload';
import { createHlc } from '../../../../shared/domain/hlc';
import { computeRoundResults } from '../../../../shared/domain/results';
import { buildScoresheet, testDeps, testSheetDeps } from '../../../helpers/builders';
import { samplePayload, sampleRecords } from '../../../helpers/bundleBuilders';
import { openTestDatabase } from '../../../helpers/db';
import {
  commitDeps,
  importBundle,
  keyOf,
  prepareOptions,
  prepared,
  resultBundle,
  scoresBundle,
  SECRETARIAT_DEVICE,
} from '../../../helpers/importBuilders';

let db: PingguDatabase;

const REVOKE = { disposition: { code: 'revoke' as const }, reason: '撤销' };

beforeEach(async () => {
  db = await openTestDatabase();
});

afterEach(async () => {
  await db.delete();
});

async function resultOf(
  payload: PayloadByKind['result'],
  createdAt = '2024-06-01T08:00:00.000Z',
): Promise<Uint8Array> {
  return resultBundle(payload, {
    signer: await keyOf('secretariat'),
    deviceId: SECRETARIAT_DEVICE,
    roundId: payload.round.id,
    createdAt,
  });
}

describe('importing a result bundle', () => {
  it('creates a read-only archived round with every sheet and decision, results computable', async () => {
    const payload = samplePayload('result');
    await importBundle(db, await resultOf(payload), {}, '2023年度结果.pgb');
    const round = await db.rounds.get(payload.round.id);
    expect(round?.archive).toMatchObject({
      fileName: '2023年度结果.pgb',
      bundleCreatedAt: '2024-06-01T08:00:00.000Z',
    });
    expect(await db.scoresheets.count()).toBe(payload.scoresheets.length);
    expect(await db.decisions.count()).toBe(payload.decisions.length);
    if (!round) throw new Error('no round');
    const rows = computeRoundResults(round, payload.bases, await db.scoresheets.toArray());
    expect(rows.map((row) => row.base.id)).toEqual(payload.bases.map((b) => b.id));
  });

  it('changes nothing when the same result is imported again', async () => {
    const bytes = await resultOf(samplePayload('result'));
    await importBundle(db, bytes);
    const before = await dataDigest(db);
    const again = await prepared(db, bytes, {}, '另一个文件名.pgb');
    expect(again.preview.unchanged).toBe(true);
    expect(again.preview.archive?.action).toBe('unchanged');
    const result = await commitImport(db, again, commitDeps());
    expect(result.ok && result.result.changed).toBe(false);
    expect(await dataDigest(db)).toBe(before);
  });

  it('replaces the archive with a newer result and refuses an older one', async () => {
    const records = sampleRecords();
    const first = samplePayload('result', records);
    const [dropped, ...kept] = first.scoresheets;
    const newer = { ...first, scoresheets: kept };
    await importBundle(db, await resultOf(first));
    const replaced = await importBundle(db, await resultOf(newer, '2024-06-02T08:00:00.000Z'));
    expect(replaced.changed).toBe(true);
    expect(await db.scoresheets.get(dropped?.id ?? '')).toBeUndefined();
    expect(await db.scoresheets.count()).toBe(kept.length);

    const before = await databaseDigest(db);
    const older = await prepareImport(db, await resultOf(first), 'old.pgb', prepareOptions());
    expect(older.ok || older.error.code).toBe('olderBundle');
    expect(await databaseDigest(db)).toBe(before);
  });

  it('shows a base across archived rounds by its registry code', async () => {
    const early = sampleRecords();
    const late = sampleRecords();
    const shared = late.bases.map((b, i) => ({ ...b, code: early.bases[i]?.code ?? b.code }));
    await importBundle(db, await resultOf(samplePayload('result', early)));
    await importBundle(db, await resultOf(samplePayload('result', { ...late, bases: shared })));
    const [base] = early.bases;
    const history = await listBaseHistory(db, base?.code ?? '');
    expect(history.map((b) => b.roundId).sort()).toEqual([early.round.id, late.round.id].sort());
  });

  it('refuses a result for a round this machine works on', async () => {
    const payload = samplePayload('result');
    await db.rounds.add(payload.round);
    const before = await databaseDigest(db);
    const result = await prepareImport(db, await resultOf(payload), 'r.pgb', prepareOptions());
    expect(result.ok || result.error.code).toBe('liveRound');
    expect(await databaseDigest(db)).toBe(before);
  });
});

describe('an archived round is read-only', () => {
  it('refuses every scoresheet, decision and conflict write and every score import', async () => {
    const payload = samplePayload('result');
    await importBundle(db, await resultOf(payload));
    const [sheet] = payload.scoresheets;
    const [base] = payload.bases;
    const [assignment] = payload.assignments;
    if (!sheet || !base || !assignment) throw new Error('no records');
    await db.conflicts.add({
      id: 'conflict-archived',
      roundId: payload.round.id,
      scoresheetId: sheet.id,
      local: sheet,
      incoming: { ...sheet, overallComment: '另一份', revision: sheet.revision + 1 },
      detectedAt: '2024-06-01T08:00:00.000Z',
      sourceImportId: 'import-x',
    });
    const before = await databaseDigest(db);
    const deps = testSheetDeps();
    const key = { roundId: payload.round.id, expertId: assignment.expertId, baseId: base.id };
    await db.scoresheets.delete(sheet.id);
    const create = await createScoresheet(db, key, '专家', deps);
    await db.scoresheets.put(sheet);
    const attempts = [
      create,
      await saveScore(db, sheet.id, 'A1-1-1', 5, '专家', deps),
      await submitScoresheet(db, sheet.id, '专家', deps),
      await reopenScoresheet(db, sheet.id, '组长同意', '专家', deps),
      await recuseScoresheet(db, key, '回避', '专家', deps),
      await recordDecision(
        db,
        { roundId: payload.round.id, baseId: base.id, decision: REVOKE },
        '秘书处',
        testDeps(),
      ),
      await resolveConflict(db, 'conflict-archived', 'incoming', '秘书处', {
        now: () => '2024-06-03T08:00:00.000Z',
        deviceId: 'secretariat-pc',
        clock: createHlc('secretariat-pc', () => Date.parse('2024-06-03T08:00:00.000Z')),
      }),
    ];
    for (const attempt of attempts) expect(attempt.ok || attempt.error.code).toBe('archived');
    expect(await databaseDigest(db)).toBe(before);

    const expert = payload.experts.find((e) => e.id === assignment.expertId);
    if (!expert) throw new Error('no expert');
    const scores = await scoresBundle(
      { scoresheets: [buildScoresheet(base, expert, { overallComment: '迟到的评分' })], audit: [] },
      {
        signer: await keyOf('laptop-1'),
        deviceId: 'laptop-1',
        roundId: payload.round.id,
        panelId: assignment.panelId,
      },
    );
    const imported = await prepareImport(db, scores, 's.pgb', prepareOptions());
    expect(imported.ok || imported.error.code).toBe('archivedRound');
    expect(await databaseDigest(db)).toBe(before);
  });
});
