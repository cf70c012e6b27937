// A round as it really runs, through the UI of three laptops (three Chromium profiles): the
// secretariat sets up and issues a round; laptop A (沈阳组) and laptop B (大连组) start
// scoring; then an expert falls ill and is replaced, and a base is moved to the other panel,
// each with a reason. The secretariat re-issues the round bundles, the laptops score on and
// every score bundle comes back, one of them only after the change. The voided sheets are
// listed with their reasons (results tab and chair's dashboard) and counted nowhere: every aggregate is the mean of the totals
// the test typed for the sheets that still count. Closing is refused with its list, allowed
// once every base is decided; the closed round refuses changes; it is reopened with a
// reason and closed again as version 2.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StaticServer } from '../../scripts/serve.mjs';
import { describePage, launchMachine, screenshotPath, startServer } from './helpers/browser';
import type { Machine } from './helpers/browser';
import * as steps from './helpers/roundChangesSteps';
import * as data from './helpers/threeLaptopsData';
import * as office from './helpers/threeLaptopsSecretariat';
import type { BaseRow } from './helpers/threeLaptopsSecretariat';
import * as ui from './helpers/threeLaptopsUi';

const { PANEL_1, PANEL_2 } = data;
const { REPLACEMENT } = steps;
const ILL = '王芳';
const REPLACE_REASON = '王芳教授因病住院，不能继续评审';
const MOVE_REASON = '该基地研究方向与沈阳组更对口';
const REOPEN_REASON = '一项决定的理由有笔误，需要更正';

describe('changes during a round, then closing and reopening it', () => {
  let server: StaticServer;
  let secretariat: Machine;
  let laptopA: Machine;
  let laptopB: Machine;
  const dir = mkdtempSync(join(tmpdir(), 'pinggu-changes-'));
  let bases: BaseRow[] = [];
  const counted: data.SheetRecord[] = [];
  const voided: data.SheetRecord[] = [];
  const files = { roundA: '', roundB: '', a1: '', b1: '', a2: '', b2: '' };
  const go = async (route: string, ready: string, machine = secretariat) => {
    await machine.page.goto(`${server.url}#${route}`);
    await machine.page.getByTestId(ready).first().waitFor();
  };
  const namesOf = (panel: string) => bases.filter((b) => b.panel === panel).map((b) => b.name);
  // The base that moves: 大连组's first base that is not the conflict-of-interest one.
  const moved = () => namesOf(PANEL_2).find((name) => name !== data.CONFLICT_BASE.name) ?? '';
  // What an expert may score in a panel: every base but the one of their own institution.
  const scoreable = (expert: string, names: readonly string[]) =>
    names.filter((name) => !(name === data.CONFLICT_BASE.name && expert === conflicted(name)));
  const conflicted = (name: string) =>
    name !== data.CONFLICT_BASE.name
      ? ''
      : bases.find((b) => b.name === name)?.panel === PANEL_1
        ? '王芳'
        : '周涛';
  const issue = async () => {
    await go('/secretariat/exchange', 'issue-button');
    const issued = await office.issueRoundBundles(secretariat.page, dir);
    files.roundA = issued.get(PANEL_1) ?? '';
    files.roundB = issued.get(PANEL_2) ?? '';
  };

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
      console.log(`after "${task.name}", ${name} shows ${await describePage(machine.page)}`);
      console.log(`${name} page errors: ${JSON.stringify(machine.errors)}`);
    }
  });

  afterAll(async () => {
    await Promise.all([secretariat, laptopA, laptopB].map((machine) => machine?.close()));
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('secretariat: sets up the round and issues one round bundle per panel', async () => {
    bases = await steps.setUpRound(secretariat.page, go, dir);
    expect(namesOf(PANEL_1)).toHaveLength(3);
    expect(moved()).not.toBe('');
    await issue();
    expect(files.roundA).not.toBe('');
  }, 240_000);

  it('laptops: 王芳 and 李明 start on 沈阳组’s bases, 周涛 scores the base that will move', async () => {
    const onA = async () => {
      const { page } = laptopA;
      await page.goto(`${server.url}#/scoring`);
      await ui.openRoundBundle(page, files.roundA);
      const ill = scoreable(ILL, namesOf(PANEL_1)).slice(0, 2);
      await steps.scoreSheets(page, ILL, ill, voided);
      await steps.scoreSheets(page, '李明', namesOf(PANEL_1).slice(0, 1), counted);
      files.a1 = (await ui.exportScores(page, PANEL_1, dir, 'A-第一次.pgb')).path;
    };
    const onB = async () => {
      const { page } = laptopB;
      await page.goto(`${server.url}#/scoring`);
      await ui.openRoundBundle(page, files.roundB, data.PASSPHRASE);
      await steps.scoreSheets(page, '周涛', [moved()], voided);
      files.b1 = (await ui.exportScores(page, PANEL_2, dir, 'B-第一次.pgb')).path;
    };
    await Promise.all([onA(), onB()]);
  }, 240_000);

  it('secretariat: imports A’s bundle, replaces 王芳 and moves a base, each with a reason', async () => {
    const { page } = secretariat;
    await go('/secretariat/exchange', 'batch-import-button');
    expect(await steps.importFiles(page, [files.a1])).toEqual(['imported']);
    await go('/secretariat/panels', 'add-panel');
    await steps.addExpert(page, PANEL_1, REPLACEMENT);
    await go('/secretariat/assignment', 'round-changes');
    await steps.recordChange(
      page,
      'replaceExpert',
      { panel: PANEL_1, expert: ILL, replacement: REPLACEMENT.name },
      REPLACE_REASON,
    );
    await steps.recordChange(
      page,
      'moveBase',
      { base: moved(), targetPanel: PANEL_1 },
      MOVE_REASON,
    );
    const rows = page.getByTestId('round-change-row');
    await expect.poll(() => rows.count()).toBe(2);
    const text = await page.getByTestId('round-changes').innerText();
    for (const expected of [REPLACE_REASON, MOVE_REASON, data.OPERATOR, REPLACEMENT.name]) {
      expect(text).toContain(expected);
    }
    await page.getByTestId('round-changes').screenshot({ path: screenshotPath('round-changes') });
  });

  it('secretariat re-issues; laptops score on; every bundle comes back, B’s first one late', async () => {
    await issue();
    const onA = async () => {
      const { page } = laptopA;
      await page.goto(`${server.url}#/scoring`);
      // The preview lists both changes that concern 沈阳组, with their reasons.
      const listed = await steps.openReissuedBundle(page, files.roundA);
      expect(listed).toHaveLength(2);
      expect(listed.join('\n')).toContain(REPLACE_REASON);
      expect(listed.join('\n')).toContain(MOVE_REASON);
      const mine = [...namesOf(PANEL_1), moved()];
      await steps.scoreSheets(page, REPLACEMENT.name, mine, counted);
      await steps.scoreSheets(page, '李明', mine.slice(1), counted);
      files.a2 = (await ui.exportScores(page, PANEL_1, dir, 'A-第二次.pgb')).path;
    };
    const onB = async () => {
      const { page } = laptopB;
      await page.goto(`${server.url}#/scoring`);
      // 大连组's lists only the base that left it.
      const listed = await steps.openReissuedBundle(page, files.roundB, data.PASSPHRASE);
      expect(listed).toHaveLength(1);
      expect(listed[0]).toContain(MOVE_REASON);
      const left = namesOf(PANEL_2).filter((name) => name !== moved());
      for (const expert of ['赵强', '孙丽', '周涛']) {
        await steps.scoreSheets(page, expert, scoreable(expert, left), counted);
      }
      files.b2 = (await ui.exportScores(page, PANEL_2, dir, 'B-第二次.pgb')).path;
    };
    await Promise.all([onA(), onB()]);
    const { page } = secretariat;
    await go('/secretariat/exchange', 'batch-import-button');
    const outcomes = await steps.importFiles(page, [files.b1, files.a2, files.b2]);
    expect(outcomes).toEqual(['imported', 'imported', 'imported']);
  }, 360_000);

  it('secretariat: the voided sheets are listed with their reasons and counted nowhere', async () => {
    const { page } = secretariat;
    await go('/secretariat/results', 'results-table');
    office.expectResults(await office.readResultsTable(page), data.expectedResults(counted));
    const shown = await steps.readVoided(page);
    expect(shown.map((row) => [row.base, row.expert, row.total, row.reason]).sort()).toEqual(
      voided
        .map((sheet) => [
          sheet.base,
          sheet.expert,
          data.fmt(sheet.total ?? 0),
          sheet.expert === ILL ? REPLACE_REASON : MOVE_REASON,
        ])
        .sort(),
    );
    await page.getByTestId('voided-sheets').screenshot({ path: screenshotPath('voided-sheets') });
    await go('/secretariat/progress', 'progress-overall');
    expect(await page.getByTestId('progress-overall').innerText()).toContain('草稿 0，未开始 0');
    await page.getByTestId('voided-sheets').waitFor();
  });

  it('the chair’s dashboard lists the voided sheets with their changes and reasons', async () => {
    const { page } = secretariat;
    // 王芳's two sheets of 沈阳组 and 周涛's sheet of the base that moved: three, of both types.
    expect(voided).toHaveLength(3);
    await go('/dashboard?type=all', 'dashboard-voided');
    const card = page.getByTestId('dashboard-voided');
    expect(await card.getAttribute('data-count')).toBe('3');
    const rows = await card
      .getByTestId('dashboard-voided-row')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.trim())),
      );
    const shown = rows.map(([base = '', expert = '', kind = '', reason = '']) => [
      base.split('\n')[0]?.trim() ?? '',
      expert,
      kind,
      reason,
    ]);
    expect(shown.sort()).toEqual(
      voided
        .map((sheet) =>
          sheet.expert === ILL
            ? [sheet.base, ILL, '替换专家', REPLACE_REASON]
            : [sheet.base, sheet.expert, '调整专家组', MOVE_REASON],
        )
        .sort(),
    );
  });

  it('secretariat: closing is refused with its list, then allowed once every base is decided', async () => {
    const { page } = secretariat;
    await go('/secretariat/results', 'round-close');
    await page.getByTestId('round-close').click();
    const blockers = page.getByTestId('round-close-blockers');
    await blockers.waitFor();
    expect(await blockers.getByTestId('round-close-blocker').count()).toBe(bases.length);
    await steps.decideAll(page, bases);
    await page.getByTestId('round-close').click();
    await page.getByTestId('round-close-actor').fill(data.OPERATOR);
    await page.getByTestId('round-close-confirm').click();
    const banner = page.getByTestId('round-closed-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('第 1 版');
  }, 240_000);

  it('the closed round refuses changes; reopened with a reason, it closes again as version 2', async () => {
    const { page } = secretariat;
    await go('/secretariat/assignment', 'round-changes');
    expect(await page.getByTestId('round-changes').innerText()).toContain('本轮评估已结束');
    expect(await page.getByTestId('change-replaceExpert').count()).toBe(0);
    expect(await page.getByTestId('auto-assign-button').isDisabled()).toBe(true);

    await go('/secretariat/results', 'round-closed-banner');
    await page.getByTestId(`decide-${bases[0]?.id ?? ''}`).click();
    await page.getByTestId('decision-form').waitFor();
    expect(await page.getByTestId('decision-save').isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByTestId('decision-drawer').waitFor({ state: 'hidden' });

    await page.getByTestId('round-reopen').click();
    await page.getByTestId('round-reopen-reason').fill(REOPEN_REASON);
    await page.getByTestId('round-reopen-actor').fill(data.OPERATOR);
    await page.getByTestId('round-reopen-confirm').click();
    await page.getByTestId('round-close').waitFor();
    await page.getByTestId('round-close').click();
    await page.getByTestId('round-close-actor').fill(data.OPERATOR);
    await page.getByTestId('round-close-confirm').click();
    const banner = page.getByTestId('round-closed-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('第 2 版');
    expect(secretariat.errors).toEqual([]);
  }, 120_000);
});
