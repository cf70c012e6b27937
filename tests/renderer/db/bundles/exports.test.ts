// What each bundle this machine writes carries: a panel's share of the round, a panel's
// sheets with their history, and a round's results (never with conflicts still open).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import {
  buildResultBundlePayload,
  buildRoundBundlePayload,
  buildScoresBundlePayload,
} from '../../../../renderer/db/bundles/exports';
import {
  buildAssignment,
  buildAuditEntry,
  buildBase,
  buildExpert,
  buildPanel,
  buildScoresheet,
  TEST_TIME,
} from '../../../helpers/builders';
import type { RoundRecords } from '../../../helpers/builders';
import { openTestDatabase, putRoundRecords } from '../../../helpers/db';
import { valueOf } from '../../../helpers/importBuilders';
import { buildRoundRecords } from '../../../helpers/builders';

let db: PingguDatabase;
let r: RoundRecords;

beforeEach(async () => {
  db = await openTestDatabase();
  r = buildRoundRecords({ status: 'issued' });
  await putRoundRecords(db, r);
});

afterEach(async () => {
  await db.delete();
});

/** A second panel with its own expert, base (a C1 type) and sheet. */
async function addSecondPanel() {
  const panel = buildPanel(r.round.id, { name: '大连组' });
  const expert = buildExpert(r.round.id, panel.id, { name: '周强' });
  const base = buildBase(r.round.id, { panelId: panel.id, type: 'C1' });
  const sheet = buildScoresheet(base, expert);
  await db.panels.add(panel);
  await db.experts.add(expert);
  await db.bases.add(base);
  await db.assignments.add(buildAssignment(base, expert));
  await db.scoresheets.add(sheet);
  return { panel, expert, base, sheet };
}

const ids = (records: ReadonlyArray<{ id: string }>): string[] => records.map((x) => x.id).sort();

describe('building bundle payloads', () => {
  it('gives a panel only its own bases, experts, assignments and the templates they need', async () => {
    const second = await addSecondPanel();
    const payload = valueOf(await buildRoundBundlePayload(db, r.round.id, r.panel.id));
    expect(payload.round).toEqual(r.round);
    expect(payload.panels).toEqual([r.panel]);
    expect(ids(payload.experts)).toEqual(ids(r.experts));
    expect(ids(payload.bases)).toEqual(ids(r.bases));
    expect(ids(payload.assignments)).toEqual(ids(r.assignments));
    expect(ids(payload.templates)).toEqual(ids(r.templates));
    expect(JSON.stringify(payload)).not.toContain(second.expert.id);

    const missing = await buildRoundBundlePayload(db, r.round.id, 'panel-none');
    expect(missing.ok || missing.error.code).toBe('notFound');
  });

  it("carries a panel's sheets (or some experts') with their audit entries", async () => {
    const second = await addSecondPanel();
    const [sheet] = r.scoresheets;
    const [expert] = r.experts;
    if (!sheet || !expert) throw new Error('no records');
    await db.auditLog.bulkAdd([
      buildAuditEntry(r.round.id, { entityId: sheet.id, action: 'scoresheet.create' }),
      buildAuditEntry(r.round.id, { entityId: second.sheet.id }),
    ]);
    const payload = valueOf(await buildScoresBundlePayload(db, r.round.id, r.panel.id));
    expect(ids(payload.scoresheets)).toEqual(ids(r.scoresheets));
    expect(payload.audit).toEqual([
      {
        at: TEST_TIME,
        roundId: r.round.id,
        action: 'scoresheet.create',
        entityId: sheet.id,
        actor: 'tester',
      },
    ]);
    const some = valueOf(await buildScoresBundlePayload(db, r.round.id, r.panel.id, [expert.id]));
    expect(some.scoresheets.every((s) => s.expertId === expert.id)).toBe(true);
    expect(some.scoresheets).toHaveLength(2);
  });

  it('publishes a result only when no conflict is open, without archive bookkeeping', async () => {
    const [sheet] = r.scoresheets;
    if (!sheet) throw new Error('no sheet');
    const record = {
      id: 'conflict-1',
      roundId: r.round.id,
      scoresheetId: sheet.id,
      local: sheet,
      incoming: { ...sheet, overallComment: '另一份' },
      detectedAt: TEST_TIME,
      sourceImportId: 'import-1',
    };
    await db.conflicts.add(record);
    const refused = await buildResultBundlePayload(db, r.round.id);
    expect(refused.ok || refused.error).toMatchObject({ code: 'openConflicts' });
    expect(refused.ok || refused.error.message).toContain('1 项评分冲突');

    await db.conflicts.put({ ...record, resolvedAt: TEST_TIME, resolution: 'local' });
    const archive = {
      importedAt: TEST_TIME,
      fingerprint: 'F',
      fileName: 'x.pgb',
      bundleCreatedAt: TEST_TIME,
    };
    await db.rounds.put({ ...r.round, archive });
    const payload = valueOf(await buildResultBundlePayload(db, r.round.id));
    expect(payload.round).toEqual(r.round);
    expect(ids(payload.scoresheets)).toEqual(ids(r.scoresheets));
    expect(ids(payload.templates)).toEqual(ids(r.templates));
  });
});
