// Builders for the closing tests: a secretariat database holding one small round (1 panel,
// 3 experts, 2 bases, all assigned) with a submitted sheet, drafts, a pair never started, a
// decision and an open conflict, written straight into the tables, open or already closed.
import type { PingguDatabase } from '../../renderer/db/database';
import { waiveMissingSheet } from '../../renderer/db/repositories/closingRepository';
import { resolveConflict } from '../../renderer/db/repositories/conflictRepository';
import { recordDecision } from '../../renderer/db/repositories/decisionRepository';
import { createHlc } from '../../shared/domain/hlc';
import { builtinTemplateForType, secondaryIndicators } from '../../shared/domain/templates';
import type {
  ConflictRecord,
  FinalDecision,
  RoundClosure,
  Scoresheet,
} from '../../shared/domain/types';
import { buildDecision, buildRoundRecords, TEST_TIME, testDeps } from './builders';
import type { RoundRecords } from './builders';
import { openTestDatabase, putRoundRecords } from './db';
import { valueOf } from './importBuilders';

export const CLOSURE: RoundClosure = { version: 1, closedAt: TEST_TIME, closedBy: '秘书处 王芳' };

export type ClosingFixture = RoundRecords & {
  db: PingguDatabase;
  /** e1 × b1, submitted (every indicator full marks). */
  submitted: Scoresheet;
  /** e2 × b1, a draft with nothing scored. */
  draft: Scoresheet;
  /** e3 × b2 has no sheet at all. */
  missing: { expertId: string; baseId: string };
  decision: FinalDecision;
  conflict: ConflictRecord;
};

/** Full marks on every secondary indicator of the base type's built-in template. */
export function fullMarks(type: 'A1' | 'B4'): Record<string, number> {
  const template = builtinTemplateForType(type);
  return Object.fromEntries(secondaryIndicators(template).map((s) => [s.id, s.maxPoints]));
}

export async function closingFixture(closed: boolean): Promise<ClosingFixture> {
  const records = buildRoundRecords(
    closed ? { status: 'closed', closure: CLOSURE } : { status: 'issued' },
  );
  const [e1, e2, e3] = records.experts;
  const [b1, b2] = records.bases;
  if (!e1 || !e2 || !e3 || !b1 || !b2) throw new Error('buildRoundRecords changed');
  const isMissing = (s: Scoresheet) => s.expertId === e3.id && s.baseId === b2.id;
  const scoresheets = records.scoresheets
    .filter((s) => !isMissing(s))
    .map((s) =>
      s.expertId === e1.id && s.baseId === b1.id
        ? { ...s, status: 'submitted' as const, scores: fullMarks('A1'), submittedAt: TEST_TIME }
        : s,
    );
  const submitted = scoresheets.find((s) => s.expertId === e1.id && s.baseId === b1.id);
  const draft = scoresheets.find((s) => s.expertId === e2.id && s.baseId === b1.id);
  if (!submitted || !draft) throw new Error('fixture sheets');
  const decision = buildDecision(b1, { reason: '评分优秀' });
  const conflict: ConflictRecord = {
    id: 'conflict-fixture',
    roundId: records.round.id,
    scoresheetId: submitted.id,
    local: submitted,
    incoming: { ...submitted, overallComment: '另一台电脑上的修改', deviceId: 'laptop-2' },
    detectedAt: TEST_TIME,
    sourceImportId: 'import-fixture',
  };
  const db = await openTestDatabase();
  const fixture = { ...records, scoresheets };
  await putRoundRecords(db, fixture);
  await db.decisions.add(decision);
  await db.conflicts.add(conflict);
  return {
    ...fixture,
    db,
    submitted,
    draft,
    missing: { expertId: e3.id, baseId: b2.id },
    decision,
    conflict,
  };
}

export const CLOSING_ACTOR = '秘书处 王芳';

/** Settles the conflict, decides b2 and waives (缺评) every sheet still owed: nothing blocks. */
export async function clearBlockers(f: ClosingFixture): Promise<void> {
  const at = '2024-06-01T08:00:00.000Z';
  valueOf(
    await resolveConflict(f.db, f.conflict.id, 'local', CLOSING_ACTOR, {
      now: () => at,
      deviceId: 'secretariat-pc',
      clock: createHlc('secretariat-pc', () => Date.parse(at)),
    }),
  );
  const b2 = f.bases[1];
  const decision = { disposition: { code: 'rectify' as const }, reason: '未提交足够材料' };
  valueOf(
    await recordDecision(
      f.db,
      { roundId: f.round.id, baseId: b2?.id ?? '', decision },
      CLOSING_ACTOR,
      testDeps(),
    ),
  );
  const owed = f.scoresheets.filter((s) => s.status === 'draft');
  for (const pair of [...owed, f.missing]) {
    const input = { roundId: f.round.id, expertId: pair.expertId, baseId: pair.baseId };
    valueOf(
      await waiveMissingSheet(
        f.db,
        { ...input, reason: '专家电话告知因病无法评审' },
        CLOSING_ACTOR,
        testDeps('waiver'),
      ),
    );
  }
}
