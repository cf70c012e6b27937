// The panel laptops' part of the three-laptops test: every expert of a panel scores their
// bases (or sees 回避, or declares one), and the concurrent edit of one sheet on two laptops.
// Each sheet the test submits or recuses is recorded in `flow.sheets`, with the total typed.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { confirmFingerprints } from './fingerprints';
import * as data from './threeLaptopsData';
import type { BaseRow } from './threeLaptopsSecretariat';
import * as ui from './threeLaptopsUi';

export type Flow = {
  dir: string;
  /** The bases table after the automatic assignment. */
  bases: BaseRow[];
  /** The pair the assignment marked 回避 because of the expert's institution. */
  conflicted: { expert: string; base: string };
  sheets: data.SheetRecord[];
};

export const basesOf = (flow: Flow, panel: string): string[] =>
  flow.bases.filter((b) => b.panel === panel).map((b) => b.name);

/** The expert scores every base of their list, sees 回避 where in conflict, maybe declares one. */
async function scoreAll(page: Page, flow: Flow, expertName: string, declares: boolean) {
  await ui.chooseExpert(page, expertName);
  const panelBases = basesOf(flow, data.expertByName(expertName).panel);
  const list = await ui.myBases(page);
  expect([...list.keys()].sort()).toEqual([...panelBases].sort());
  let toDeclare = declares;
  for (const baseName of panelBases) {
    if (expertName === flow.conflicted.expert && baseName === flow.conflicted.base) {
      expect(list.get(baseName)).toBe('回避');
    } else if (toDeclare) {
      await ui.recuse(page, baseName, data.RECUSAL_REASON);
      flow.sheets.push({ expert: expertName, base: baseName, total: null });
      toDeclare = false;
    } else {
      const typed = data.typedScores(expertName, baseName);
      await ui.scoreAndSubmit(page, baseName, typed);
      flow.sheets.push({ expert: expertName, base: baseName, total: data.sum(typed.scores) });
    }
  }
  const states = [...(await ui.myBases(page)).values()];
  expect(states.every((state) => state === '已提交' || state === '回避')).toBe(true);
}

/** Opens the panel's round bundle on this laptop; every expert of the panel scores. */
export async function scorePanel(
  page: Page,
  flow: Flow,
  panel: string,
  roundFile: string,
  passphrase?: string,
): Promise<void> {
  await page.getByTestId('open-round-bundle').waitFor();
  expect(await ui.openRoundBundle(page, roundFile, passphrase)).toContain(panel);
  for (const expert of data.EXPERTS.filter((e) => e.panel === panel)) {
    await scoreAll(page, flow, expert.name, expert.name === data.DECLARING_EXPERT);
  }
}

export const sheetsOfPanel = (flow: Flow, panel: string): number =>
  flow.sheets.filter((s) => data.expertByName(s.expert).panel === panel).length;

export type ConcurrentEdit = {
  expert: string;
  base: string;
  changesOnA: Map<string, number>;
  changesOnB: Map<string, number>;
  totalOnA: number;
  totalOnB: number;
};

/** 王芳's first submitted sheet, and the two different edits made to it. */
export function planConcurrentEdit(flow: Flow): ConcurrentEdit {
  const expert = '王芳';
  const base = flow.sheets.find((s) => s.expert === expert && s.total !== null)?.base ?? '';
  const typed = data.typedScores(expert, base);
  const changes = (scores: readonly number[]) =>
    new Map(
      typed.ids.flatMap((id, i) => {
        const score = scores[i];
        return score !== undefined && score !== typed.scores[i] ? [[id, score] as const] : [];
      }),
    );
  const onA = data.editedScores(typed, data.EDIT_ON_A);
  const onB = data.editedScores(typed, data.EDIT_ON_B);
  return {
    expert,
    base,
    changesOnA: changes(onA),
    changesOnB: changes(onB),
    totalOnA: data.sum(onA),
    totalOnB: data.sum(onB),
  };
}

/**
 * Laptop B takes panel 1's round bundle and laptop A's score bundle (dropped on the window,
 * which opens the import dialog), then the chair reopens the sheet — he has no PIN on this
 * laptop, so he sets one, which confirms — and the expert edits it.
 */
export async function editOnLaptopB(
  page: Page,
  serverUrl: string,
  edit: ConcurrentEdit,
  files: { round: string; scoresFromA: string },
): Promise<void> {
  await ui.openRoundBundle(page, files.round);
  await page.goto(`${serverUrl}#/`);
  await page.getByTestId('home-round').waitFor();
  await ui.dropOnWindow(page, files.scoresFromA, '沈阳组-电脑A.pgb');
  await page.getByTestId('import-preview').waitFor();
  await confirmFingerprints(page, data.chairOf(data.PANEL_1).name);
  await page.getByTestId('import-commit').click();
  await page.getByTestId('import-next').click();
  await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
  await page.goto(`${serverUrl}#/scoring`);
  await ui.chooseExpert(page, edit.expert);
  expect((await ui.myBases(page)).get(edit.base)).toBe('已提交');
  await ui.reopenEditSubmit(page, edit.base, { newPin: ui.PIN }, edit.changesOnB, edit.totalOnB);
}

/** On laptop A the chair, who has a PIN there, types it to reopen; the expert edits again. */
export async function editOnLaptopA(page: Page, edit: ConcurrentEdit): Promise<void> {
  await ui.chooseExpert(page, edit.expert);
  await ui.reopenEditSubmit(page, edit.base, { pin: ui.PIN }, edit.changesOnA, edit.totalOnA);
}
