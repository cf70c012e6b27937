import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDashboardRecords } from '../../../renderer/db/dashboardHooks';
import type { PingguDatabase } from '../../../renderer/db/database';
import { getRoundOverview } from '../../../renderer/db/queries';
import { recordRoundChange } from '../../../renderer/db/repositories/roundChangeRepository';
import { loadResultsRecords } from '../../../renderer/db/resultsHooks';
import { listRoundChanges, loadVoidedSheetRows } from '../../../renderer/db/roundChangeHooks';
import { readReportRecords } from '../../../renderer/features/secretariat/report/reportData';
import { buildReportModel } from '../../../shared/report/model';
import { openTestDatabase, putIssuedRound } from '../../helpers/db';
import {
  ACTOR,
  changeDeps,
  issuedRound,
  ROUND_ID,
  submittedSheet,
} from '../../helpers/roundChangeBuilders';

let db: PingguDatabase;

// 专家p1-2 scored 基地1 (8) and 基地2 (6); 专家p1-1 scored 基地1 (10). Then 专家p1-2 is
// replaced and 基地4 withdrawn: two voided sheets, one counted.
beforeEach(async () => {
  db = await openTestDatabase();
  const records = issuedRound();
  records.scoresheets.push(
    submittedSheet(records, 'p1-e2', 'b01', { x: 8 }),
    submittedSheet(records, 'p1-e2', 'b02', { x: 6 }),
    submittedSheet(records, 'p1-e1', 'b01', { x: 10 }),
  );
  await putIssuedRound(db, records);
  const deps = changeDeps();
  for (const change of [
    {
      kind: 'replaceExpert' as const,
      expertId: 'p1-e2',
      replacementExpertId: 'p1-e3',
      reason: '因病不能到场',
    },
    { kind: 'withdrawBase' as const, baseId: 'b04', reason: '依托单位申请退出' },
  ]) {
    const result = await recordRoundChange(db, { roundId: ROUND_ID, change }, ACTOR, deps);
    if (!result.ok) throw new Error(result.error.message);
  }
});

afterEach(async () => {
  await db.delete();
});

describe('what the secretariat reads once changes were recorded', () => {
  it('the results tab: counted sheets only, the voided ones apart, withdrawn bases gone', async () => {
    const records = await loadResultsRecords(db, ROUND_ID);
    expect(records.scoresheets.map((s) => s.id)).toEqual(['s-p1-e1-b01']);
    expect(records.voided.map((v) => [v.sheet.id, v.change.kind]).sort()).toEqual([
      ['s-p1-e2-b01', 'replaceExpert'],
      ['s-p1-e2-b02', 'replaceExpert'],
    ]);
    expect(records.bases.map((b) => b.id)).toEqual(['b01', 'b02', 'b03']);
  });

  it('the 作废记录 rows: base, expert, total and the change’s reason and person', async () => {
    const rows = await loadVoidedSheetRows(db, ROUND_ID);
    expect(rows.map((r) => [r.baseName, r.expertName, r.total, r.kind, r.reason, r.actor])).toEqual(
      [
        ['基地1', '专家p1-2', 8, 'replaceExpert', '因病不能到场', ACTOR],
        ['基地2', '专家p1-2', 6, 'replaceExpert', '因病不能到场', ACTOR],
      ],
    );
  });

  it('the changes list, latest first', async () => {
    expect((await listRoundChanges(db, ROUND_ID)).map((c) => c.kind)).toEqual([
      'withdrawBase',
      'replaceExpert',
    ]);
  });

  it('the dashboard, the home overview and the report count only what counts', async () => {
    const dashboard = await loadDashboardRecords(db, ROUND_ID);
    expect(dashboard?.scoresheets.map((s) => s.id)).toEqual(['s-p1-e1-b01']);
    expect(dashboard?.bases.map((b) => b.id).sort()).toEqual(['b01', 'b02', 'b03']);
    // The dashboard lists the voided sheets apart, naming the withdrawn base too.
    expect(dashboard?.voided).toHaveLength(2);
    expect(dashboard?.withdrawn.map((b) => b.id)).toEqual(['b04']);
    const overview = await getRoundOverview(db, ROUND_ID);
    expect(overview.bases).toBe(3);
    expect(overview.sheets.submitted).toBe(1);
    const report = await readReportRecords(db, ROUND_ID);
    if (!report) throw new Error('no report records');
    const model = buildReportModel({ ...report, generatedAt: '2024-06-02T00:00:00.000Z' });
    expect(model.rows.find((r) => r.base.id === 'b01')).toMatchObject({ sheets: 1, aggregate: 10 });
    expect(model.voided).toHaveLength(2);
  });
});
