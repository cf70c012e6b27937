// The 历年评估 chart's inputs on a secretariat's laptop: a base's registry lines read by its
// registry code, merged with the points of the rounds stored here.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase, RegistryHistoryRecord } from '../../../renderer/db/database';
import {
  loadBaseHistoryInputs,
  loadRegistryHistoryLines,
} from '../../../renderer/db/dashboardHooks';
import { baseHistory } from '../../../shared/charts/history';
import { mergeRegistryHistory } from '../../../shared/charts/registryHistory';
import { buildBase, buildExpert, buildRound } from '../../helpers/builders';
import { submittedSheet } from '../../helpers/chartRound';
import { openTestDatabase } from '../../helpers/db';

const CODE = 'LN-A1-0007';
let db: PingguDatabase;

const record = (
  code: string,
  roundId: string,
  year: number,
  aggregate: number,
): RegistryHistoryRecord => ({
  id: `${code}:${roundId}`,
  code,
  name: '辽宁省先进材料重点实验室',
  roundId,
  roundName: `${year}年度省级科技创新基地定期评估`,
  year,
  version: 1,
  aggregate,
  method: 'trimmedMean',
  grade: aggregate >= 60 ? 'pass' : 'fail',
  sourceSha256: 'a'.repeat(64),
});

beforeEach(async () => {
  db = await openTestDatabase();
});

afterEach(async () => {
  await db.delete();
});

describe("a base's history with the registry's lines", () => {
  it('reads only the lines of the base asked for', async () => {
    await db.registryHistory.bulkPut([
      record(CODE, 'r-2021', 2021, 58),
      record('LN-B4-0001', 'r-2021', 2021, 91),
      record(CODE, 'r-2022', 2022, 74),
    ]);
    const lines = await loadRegistryHistoryLines(db, CODE);
    expect(lines.map((l) => l.id).sort()).toEqual([`${CODE}:r-2021`, `${CODE}:r-2022`]);
  });

  it('shows 58 → 74 from the registry, then the round stored here with its own mean', async () => {
    // The round stored here, 2024, rule mean: 70 75 80 → 75 合格.
    const round = buildRound({
      id: 'r-2024',
      year: 2024,
      aggregation: { method: 'mean', trimCount: 1, trimMinSheets: 5 },
    });
    const base = buildBase(round.id, { code: CODE });
    const experts = [0, 1, 2].map(() => buildExpert(round.id, 'p'));
    const sheets = [70, 75, 80].map((total, i) => {
      const expert = experts[i];
      if (!expert) throw new Error('three experts');
      return submittedSheet(base, expert, total);
    });
    await db.rounds.add(round);
    await db.bases.add(base);
    await db.scoresheets.bulkAdd(sheets);
    await db.registryHistory.bulkPut([
      record(CODE, 'r-2022', 2022, 74),
      record(CODE, 'r-2021', 2021, 58),
    ]);
    const points = mergeRegistryHistory(
      CODE,
      baseHistory(CODE, await loadBaseHistoryInputs(db, CODE)),
      await loadRegistryHistoryLines(db, CODE),
    );
    expect(
      points.map((p) => [p.year, p.aggregate, p.grade, p.isFromRegistry === true, p.sheets]),
    ).toEqual([
      [2021, 58, 'fail', true, null],
      [2022, 74, 'pass', true, null],
      [2024, 75, 'pass', false, 3],
    ]);
  });
});
