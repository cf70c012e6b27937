// A panel laptop dies mid-afternoon (SCENARIOS.md §5), through the UI of three browser
// profiles. The secretariat issues the round. Laptop A opens panel 1's round bundle: the
// chair 李明 submits two sheets and types the first scores of a third, 王芳 submits one; A
// exports its score bundle, and is lost. Laptop B, a fresh profile, opens the same round
// bundle, refuses the round bundle and later its own file as a continue-from file, and
// continues from A's bundle (在本机继续, with who and why): the preview lists A's four sheets.
// 李明 picks his name on B (a new PIN), finds his draft with A's scores, changes one, finishes
// and submits it; B exports. The secretariat imports B's bundle, then A's: no conflict, A's
// bundle changes nothing, and the results are the means of the totals typed, B's included.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StaticServer } from '../../scripts/serve.mjs';
import { describePage, launchMachine, screenshotPath, startServer } from './helpers/browser';
import type { Machine } from './helpers/browser';
import * as data from './helpers/threeLaptopsData';
import type { SheetRecord } from './helpers/threeLaptopsData';
import * as office from './helpers/threeLaptopsSecretariat';
import type { BaseRow } from './helpers/threeLaptopsSecretariat';
import * as ui from './helpers/threeLaptopsUi';
import * as steps from './helpers/lostLaptopSteps';

const { PANEL_1 } = data;
const CHAIR = data.chairOf(PANEL_1).name; // 李明
const MEMBER = '王芳';
const REASON = '电脑A下午无法开机，李明、王芳在本机继续评分';
/** How many of the third sheet's scores laptop A typed before it died. */
const TYPED_ON_A = 3;

describe('a lost laptop: 在本机继续 on a fresh laptop, no conflict at the secretariat', () => {
  let server: StaticServer;
  let secretariat: Machine;
  let laptopA: Machine | undefined;
  let laptopB: Machine;
  const dir = mkdtempSync(join(tmpdir(), 'pinggu-lost-'));
  let bases: BaseRow[] = [];
  let roundFile = '';
  const files = { fromA: '', fromB: '' };
  const sheets: SheetRecord[] = [];
  // Panel 1's bases: the first is not 王芳's conflict of interest; 李明 scores all three.
  let panelBases: string[] = [];
  const shot = (machine: Machine, name: string) =>
    machine.page.screenshot({ path: screenshotPath(`lost-laptop-${name}`) });

  beforeAll(async () => {
    server = await startServer();
    [secretariat, laptopA, laptopB] = await Promise.all([
      launchMachine(),
      launchMachine(),
      launchMachine(),
    ]);
    for (const machine of [secretariat, laptopA, laptopB]) machine.page.setDefaultTimeout(60_000);
  });

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    for (const [name, machine] of Object.entries({ secretariat, laptopA, laptopB })) {
      if (machine === undefined) continue;
      console.log(`after "${task.name}", ${name} shows ${await describePage(machine.page)}`);
    }
  });

  afterAll(async () => {
    await Promise.all([secretariat, laptopA, laptopB].map((machine) => machine?.close()));
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('secretariat: sets up the round and issues the panels’ round bundles', async () => {
    const issued = await steps.setUpAndIssue(secretariat.page, server.url, dir);
    bases = issued.bases;
    roundFile = issued.roundFiles.get(PANEL_1) ?? '';
    expect(roundFile).toContain(`评审包-${PANEL_1}-`);
    const ofPanel = bases.filter((b) => b.panel === PANEL_1).map((b) => b.name);
    expect(ofPanel).toHaveLength(3);
    panelBases = [...ofPanel].sort((a, b) =>
      a === data.CONFLICT_BASE.name ? 1 : b === data.CONFLICT_BASE.name ? -1 : 0,
    );
  }, 240_000);

  it('laptop A: two sheets submitted, a third half typed, 王芳 one; exported, then lost', async () => {
    const machine = laptopA;
    if (!machine) throw new Error('laptop A is gone');
    const { page } = machine;
    await page.goto(`${server.url}#/scoring`);
    await ui.openRoundBundle(page, roundFile);
    await ui.chooseExpert(page, CHAIR);
    const [first = '', second = '', third = ''] = panelBases;
    for (const base of [first, second]) {
      const typed = data.typedScores(CHAIR, base);
      await ui.scoreAndSubmit(page, base, typed);
      sheets.push({ expert: CHAIR, base, total: data.sum(typed.scores) });
    }
    const draft = data.typedScores(CHAIR, third);
    await steps.typeFirstScores(page, third, {
      ids: draft.ids.slice(0, TYPED_ON_A),
      scores: draft.scores.slice(0, TYPED_ON_A),
    });
    expect((await ui.myBases(page)).get(third)).toBe('草稿');
    await ui.chooseExpert(page, MEMBER);
    const member = data.typedScores(MEMBER, first);
    await ui.scoreAndSubmit(page, first, member);
    sheets.push({ expert: MEMBER, base: first, total: data.sum(member.scores) });

    const saved = await ui.exportScores(page, PANEL_1, dir, 'A-沈阳组-最后一次.pgb');
    files.fromA = saved.path;
    expect(saved.result).toContain('共 4 份评分表');
    expect(machine.errors).toEqual([]);
    await machine.close();
    laptopA = undefined;
  }, 240_000);

  it('laptop B: refuses the round bundle as a continue-from file, changing nothing', async () => {
    const { page } = laptopB;
    await page.goto(`${server.url}#/scoring`);
    await ui.openRoundBundle(page, roundFile);
    const refusal = await steps.continueRefused(page, roundFile);
    expect(refusal).toMatch(
      /^文件“.+\.pgb”：这是评审任务包，在本机继续需要丢失的那台电脑最后导出的评分数据包或备份包，未作任何更改。$/,
    );
    expect(await page.getByTestId('continue-preview').count()).toBe(0);
  });

  it('laptop B: continues from A’s score bundle; the preview lists A’s four sheets', async () => {
    const { page } = laptopB;
    const form = { actor: `组长 ${CHAIR}`, reason: REASON };
    const continued = await steps.continueHere(page, files.fromA, form, () =>
      shot(laptopB, 'preview'),
    );
    expect(continued.preview).toContain('评分数据包');
    expect(continued.preview).toContain('接续 4 张，本机已有 0 张，未接续 0 张');
    const listed = continued.rows.map((row) => [row.cells[0], row.cells[1], row.cells[2]]);
    const [first = '', second = '', third = ''] = panelBases;
    expect(listed.sort()).toEqual(
      [
        [CHAIR, first, '已提交'],
        [CHAIR, second, '已提交'],
        [CHAIR, third, '草稿'],
        [MEMBER, first, '已提交'],
      ].sort(),
    );
    expect(continued.rows.map((row) => row.outcome)).toEqual(Array(4).fill('continue'));
    expect(continued.done).toContain('4 张评分表已在本机继续');
  });

  it('laptop B: 李明 (a new PIN here) finishes the draft, changing a score A typed', async () => {
    const { page } = laptopB;
    await ui.chooseExpert(page, CHAIR);
    const [first = '', second = '', third = ''] = panelBases;
    const list = await ui.myBases(page);
    expect([list.get(first), list.get(second), list.get(third)]).toEqual([
      '已提交',
      '已提交',
      '草稿',
    ]);
    const typed = data.typedScores(CHAIR, third);
    const [firstScore = 0] = typed.scores;
    // Worked out by hand: one point lower than A typed (or higher, should A have typed 0).
    const changed = firstScore >= 1 ? firstScore - 1 : firstScore + 1;
    const final = { ids: typed.ids, scores: [changed, ...typed.scores.slice(1)] };
    const onA = new Map(typed.ids.slice(0, TYPED_ON_A).map((id, i) => [id, typed.scores[i] ?? 0]));
    await steps.finishDraft(page, third, final, onA);
    sheets.push({ expert: CHAIR, base: third, total: data.sum(final.scores) });
    expect(data.sum(final.scores)).not.toBe(data.sum(typed.scores));

    const saved = await ui.exportScores(page, PANEL_1, dir, 'B.pgb');
    files.fromB = saved.path;
    expect(saved.result).toContain('共 4 份评分表');
    const own = await steps.continueRefused(page, files.fromB);
    expect(own).toContain('它是本机自己（设备');
    expect(own).toContain('未作任何更改。');
    expect(laptopB.errors).toEqual([]);
  });

  it('secretariat: imports B’s bundle, then A’s: no conflict, and B’s values count', async () => {
    const { page } = secretariat;
    await page.goto(`${server.url}#/secretariat/exchange`);
    const fromB = await steps.importTickingKeys(page, [files.fromB]);
    expect(fromB.counts).toBe(
      '评分表合计：新增 4 张，更新 0 张，未变 0 张，冲突 0 项，拒收 0 张。',
    );
    await page.getByTestId('batch-again').click();
    const fromA = await steps.importTickingKeys(page, [files.fromA]);
    // A's copies are the same as B's or older (the draft B finished): no sheet changes (only
    // A's key gets pinned, once the clerk ticked its fingerprint).
    expect(fromA.counts).toBe(
      '评分表合计：新增 0 张，更新 0 张，未变 4 张，冲突 0 项，拒收 0 张。',
    );
    expect(fromA.totals).toContain('导入 1 个');
    expect(fromA.totals).toContain('失败 0 个，跳过 0 个');
    expect(await page.getByTestId('open-conflicts').count()).toBe(0);
    await shot(secretariat, 'imported');

    await page.goto(`${server.url}#/secretariat/results`);
    await page.getByTestId('results-table').waitFor();
    const shown = await office.readResultsTable(page);
    office.expectResults(shown, data.expectedResults(sheets));
    const third = panelBases[2] ?? '';
    const finished = sheets.find((s) => s.base === third);
    expect(shown.get(third)?.aggregate).toBe(finished?.total?.toFixed(2));
    await shot(secretariat, 'results');
    expect(secretariat.errors).toEqual([]);
  });
});
