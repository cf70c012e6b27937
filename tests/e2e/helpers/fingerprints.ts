// One step every e2e that imports score bundles takes: the clerk compares each panel key the
// screen asks about (a panel laptop's first key, or a changed key) with the fingerprint on the
// panel's signed paper summary, ticks every fingerprint checkbox shown (the import dialog's
// or the batch's, one per key), and gives their name where it is asked for.
import type { Page } from 'playwright-core';

export const CHECKER = '秘书处 王芳';

const BOXES = '[data-testid="import-accept-key"], [data-testid="batch-confirm-key"]';

/** Ticks every fingerprint checkbox shown and fills an empty checker's name; returns the ticks. */
export async function confirmFingerprints(page: Page, checker = CHECKER): Promise<number> {
  const boxes = page.locator(BOXES);
  const count = await boxes.count();
  for (let i = 0; i < count; i += 1) {
    const box = boxes.nth(i);
    if (!(await box.isChecked())) await box.check();
  }
  const names = page.getByTestId('key-operator');
  for (let i = 0; i < (await names.count()); i += 1) {
    const name = names.nth(i);
    if ((await name.inputValue()).trim() === '') await name.fill(checker);
  }
  return count;
}
