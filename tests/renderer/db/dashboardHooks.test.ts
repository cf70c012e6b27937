import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../renderer/db/database';
import { loadBaseHistoryInputs, loadDashboardRecords } from '../../../renderer/db/dashboardHooks';
import { loadDemoRound } from '../../../renderer/db/repositories/demoRepository';
import { baseHistory } from '../../../shared/charts/history';
import { generateDemoDataset } from '../../../shared/demo/demoRound';
import { testClock } from '../../helpers/builders';
import { openTestDatabase } from '../../helpers/db';

const demo = generateDemoDataset();
let db: PingguDatabase;

beforeEach(async () => {
  db = await openTestDatabase();
  await loadDemoRound(db, testClock());
});

afterEach(async () => {
  await db.delete();
});

describe('loadDashboardRecords', () => {
  it("reads everything the charts need of one round, and only that round's records", async () => {
    const records = await loadDashboardRecords(db, demo.current.round.id);
    expect(records?.round.id).toBe(demo.current.round.id);
    expect(records?.bases).toHaveLength(demo.current.bases.length);
    expect(records?.scoresheets).toHaveLength(demo.current.scoresheets.length);
    expect(records?.experts).toHaveLength(demo.current.experts.length);
    expect(records?.panels).toHaveLength(demo.current.panels.length);
    expect(records?.decisions).toEqual([]); // the current demo round is not decided yet
    // The templates the round scores each type with.
    expect(records?.templates.map((t) => t.id).sort()).toEqual(
      [...new Set(Object.values(demo.current.round.templateByType))].sort(),
    );
  });

  it('is null for a round that does not exist', async () => {
    expect(await loadDashboardRecords(db, 'no-such-round')).toBeNull();
  });
});

describe('loadBaseHistoryInputs', () => {
  it('finds every round that evaluated a base, with the whole round for its results', async () => {
    const code = demo.current.bases.find((base) =>
      demo.history.every((round) => round.bases.some((b) => b.code === base.code)),
    )?.code;
    if (!code) throw new Error('the demo has bases evaluated in every round');
    const inputs = await loadBaseHistoryInputs(db, code);
    expect(inputs.map((input) => input.round.year).sort()).toEqual([2019, 2021, 2023]);
    const history2019 = inputs.find((input) => input.round.year === 2019);
    expect(history2019?.bases).toHaveLength(demo.history[0]?.bases.length ?? -1);
    expect(history2019?.decisions?.length).toBeGreaterThan(0);
    expect(baseHistory(code, inputs).map((point) => point.year)).toEqual([2019, 2021, 2023]);
  });

  it('is empty for a code no round has', async () => {
    expect(await loadBaseHistoryInputs(db, 'LN-NONE-000')).toEqual([]);
  });
});
