// Scenario 2 on the shared panel laptop: an expert who forgot their PIN is not locked out.
// The expert sets a PIN, the app is started again, the PIN is "forgotten"; the chair confirms
// the reset with the chair's PIN (wrong PIN and missing reason refused), the expert sets a
// new PIN and scores. Five wrong chair PINs in the reset dialog pause the chair, there and at
// the chair's own unlock in a new window. Then the chair forgets their own PIN: another expert
// of the panel, who has no PIN on this laptop, sets one to confirm (the chair's name confirms
// nothing), and the chair declines a new PIN.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateDemoDataset } from '../../shared/demo/demoRound';
import { secondaryIndicators } from '../../shared/domain/templates';
import { SETTLED, useMachine } from './helpers/browser';

const demo = generateDemoDataset().current;
const OLD_PIN = '2468';
const NEW_PIN = '9753';
const CHAIR_PIN = '1357';
const COLLEAGUE_PIN = '8642';

const openBases = (expertId: string) =>
  demo.assignments
    .filter((a) => a.expertId === expertId && !a.recusal)
    .filter((a) => !demo.scoresheets.some((s) => s.expertId === expertId && s.baseId === a.baseId))
    .map((a) => a.baseId);
// A panel member (not the chair) with a base nobody has started, their chair and a colleague.
const expert = demo.experts.find(
  (e) =>
    demo.panels.some((p) => p.id === e.panelId && p.chairExpertId !== e.id) &&
    openBases(e.id).length >= 1,
);
const panel = demo.panels.find((p) => p.id === expert?.panelId);
const chair = demo.experts.find((e) => e.id === panel?.chairExpertId);
const colleague = demo.experts.find(
  (e) => e.panelId === panel?.id && e.id !== chair?.id && e.id !== expert?.id,
);
const baseId = expert ? (openBases(expert.id)[0] ?? '') : '';
const base = demo.bases.find((b) => b.id === baseId);
const template = demo.templates.find((t) => t.id === demo.round.templateByType[base?.type ?? 'A1']);
const firstIndicator = template ? secondaryIndicators(template)[0] : undefined;
if (!expert || !chair || !colleague || !base || !firstIndicator) {
  throw new Error('the demo has no panel with a chair, two members and an open base');
}

async function chooseExpert(page: Page, name: string) {
  await page.getByTestId('expert-select').click();
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
}

async function setPin(page: Page, pin: string) {
  await page.getByTestId('pin-new').fill(pin);
  await page.getByTestId('pin-again').fill(pin);
  await page.getByTestId('pin-save').click();
  await page.locator('.ant-modal-wrap').first().waitFor({ state: 'hidden' });
}

// Uncaught errors of every window the test opens (useMachine() watches its first one only).
const errors: string[] = [];
const watch = (page: Page): Page => {
  page.on('pageerror', (error) => errors.push(error.message));
  return page;
};

const dialog = (page: Page) => page.getByRole('dialog').filter({ hasText: '重置' });

describe('an expert who forgot their PIN gets it reset with the chair’s confirmation', () => {
  const machine = useMachine();
  let page: Page;

  it('lets the chair and the expert set PINs on the panel laptop', async () => {
    page = watch(machine.page);
    await page.goto(machine.url);
    await page.getByTestId('load-demo').click();
    await page.getByTestId('home-round').waitFor();
    await page.getByTestId('main-nav').getByText('专家评分').click();
    await chooseExpert(page, chair.name);
    await setPin(page, CHAIR_PIN);
    await chooseExpert(page, expert.name);
    await setPin(page, OLD_PIN);
    await page.getByTestId('my-bases').waitFor();
  });

  it('asks for the PIN after a restart, pauses after five wrong ones; the expert has forgotten it', async () => {
    // A new window has no unlocked expert, as after restarting the app.
    const next = watch(await machine.context.newPage());
    await page.close();
    page = next;
    await page.goto(`${machine.url}#/scoring`);
    const tryPin = async (pin: string, answer: string) => {
      await page.getByTestId('pin-locked').fill(pin);
      await page.getByTestId('pin-locked').press('Enter');
      await page.locator('.ant-form-item-explain', { hasText: answer }).waitFor();
      expect(await page.getByTestId('pin-locked').inputValue()).toBe('');
    };
    // Five wrong tries are free; the fifth starts a pause of 30 s, in which even the right PIN
    // is not checked.
    for (const pin of ['1111', '2222', '3333', '4444']) await tryPin(pin, 'PIN 不正确');
    await tryPin('5555', '已连续输错 5 次，请 30 秒后再试');
    await tryPin(OLD_PIN, '输错次数过多');
    expect(await page.getByTestId('expert-locked').count()).toBe(1);
    await page.getByTestId('pin-forgot').click();
    expect(await dialog(page).innerText()).toContain(`重置 ${expert.name} 的 PIN`);
    expect(await dialog(page).innerText()).toContain(`组长 ${chair.name} 的 PIN`);
  });

  it('refuses a missing reason and a wrong chair PIN, changing nothing', async () => {
    await page.getByTestId('pin-reset-proof').fill(CHAIR_PIN);
    await page.getByTestId('pin-reset-confirm').click();
    await page.getByText('请填写重置原因。').waitFor();

    await page.getByTestId('pin-reset-reason').fill('开会前忘记了 PIN');
    await page.getByTestId('pin-reset-proof').fill('0000');
    await page.getByTestId('pin-reset-confirm').click();
    await page.getByText('确认人的 PIN 不正确，未重置。').waitFor();
    expect(await page.getByTestId('pin-reset-proof').inputValue()).toBe('');
    // Still locked: the old PIN is untouched.
    expect(await page.getByTestId('expert-locked').count()).toBe(1);
  });

  it('resets with the chair’s PIN; the expert sets a new PIN and scores', async () => {
    await page.getByTestId('pin-reset-proof').fill(CHAIR_PIN);
    await page.getByTestId('pin-reset-confirm').click();
    await page.getByText(`已重置 ${expert.name} 的 PIN，请设置新的 PIN`).waitFor();
    await setPin(page, NEW_PIN);
    await page.getByTestId('my-bases').waitFor();

    await page.locator(`tr[data-row-key="${baseId}"]`).click();
    await page.getByTestId('scoresheet').waitFor();
    await page.getByTestId(`score-${firstIndicator.id}`).fill(String(firstIndicator.maxPoints));
    await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();
    await expect.poll(() => page.getByTestId('sheet-state').innerText(), SETTLED).toBe('草稿');
  });

  it('asks for the new PIN, not the old one, in a new window', async () => {
    const next = watch(await machine.context.newPage());
    await page.close();
    page = next;
    await page.goto(`${machine.url}#/scoring`);
    await page.getByTestId('pin-locked').fill(OLD_PIN);
    await page.getByTestId('pin-locked').press('Enter');
    await page.getByText('PIN 不正确').waitFor();
    await page.getByTestId('pin-locked').fill(NEW_PIN);
    await page.getByTestId('pin-locked').press('Enter');
    await page.getByTestId('my-bases').waitFor();
    const row = page.locator(`tr[data-row-key="${baseId}"]`);
    await expect.poll(() => row.getByTestId('row-state').innerText(), SETTLED).toBe('草稿');
  });

  it('pauses the chair after five wrong chair PINs, in the reset dialog and at the chair’s unlock', async () => {
    const next = watch(await machine.context.newPage());
    await page.close();
    page = next;
    await page.goto(`${machine.url}#/scoring`);
    await page.getByTestId('expert-locked').waitFor();
    await page.getByTestId('pin-forgot').click();
    await page.getByTestId('pin-reset-reason').fill('再次忘记 PIN');
    const tryChairPin = async (pin: string, answer: string) => {
      await page.getByTestId('pin-reset-proof').fill(pin);
      await page.getByTestId('pin-reset-confirm').click();
      await dialog(page).locator('.ant-form-item-explain', { hasText: answer }).waitFor();
      expect(await page.getByTestId('pin-reset-proof').inputValue()).toBe('');
    };
    for (const pin of ['1111', '2222', '3333', '4444']) {
      await tryChairPin(pin, '确认人的 PIN 不正确，未重置。');
    }
    await tryChairPin('5555', '确认人的 PIN 不正确，未重置；已连续输错 5 次，请 30 秒后再试。');
    // Paused: even the chair's right PIN is not checked, and nothing is reset.
    await tryChairPin(CHAIR_PIN, '确认人的 PIN 输错次数过多');
    await dialog(page)
      .getByRole('button', { name: /^取\s*消$/ })
      .click();
    await dialog(page).waitFor({ state: 'hidden' });
    expect(await page.getByTestId('expert-locked').count()).toBe(1);

    // The count is the chair's own, stored: a new window pauses the chair's unlock too.
    const again = watch(await machine.context.newPage());
    await page.close();
    page = again;
    await page.goto(`${machine.url}#/scoring`);
    await chooseExpert(page, chair.name);
    await page.getByTestId('pin-unlock').fill(CHAIR_PIN);
    await page.getByTestId('pin-unlock').press('Enter');
    await page.locator('.ant-form-item-explain', { hasText: '输错次数过多' }).waitFor();
  });

  it('resets the chair’s own PIN only with another panel member’s PIN, set on first use', async () => {
    const unlock = page.getByRole('dialog').filter({ has: page.getByTestId('pin-unlock') });
    await unlock.getByTestId('pin-forgot').click();
    expect(await dialog(page).innerText()).toContain('组长本人的 PIN 须由本组另一位专家');
    await page.getByTestId('pin-reset-reason').fill('组长忘记了 PIN');
    await page.getByTestId('pin-reset-confirmer').click();
    await page.keyboard.type(colleague.name);
    await page.keyboard.press('Enter');
    // The colleague has no PIN here: they set one (typed twice), which then confirms.
    await page.getByTestId('pin-reset-proof-hint').waitFor();
    expect(await page.getByTestId('pin-reset-proof-hint').innerText()).toContain(
      `${colleague.name} 尚未在本机设置 PIN`,
    );
    await page.getByTestId('pin-reset-proof-new').fill(COLLEAGUE_PIN);
    await page.getByTestId('pin-reset-proof-again').fill('8080');
    await page.getByTestId('pin-reset-confirm').click();
    await page.getByText('两次输入的 PIN 不一致，未重置。').waitFor();
    await page.getByTestId('pin-reset-proof-new').fill(colleague.name);
    await page.getByTestId('pin-reset-proof-again').fill(colleague.name);
    await page.getByTestId('pin-reset-confirm').click();
    await page.getByText('PIN 须为 4–6 位数字，未重置。').waitFor();
    await page.getByTestId('pin-reset-proof-new').fill(COLLEAGUE_PIN);
    await page.getByTestId('pin-reset-proof-again').fill(COLLEAGUE_PIN);
    await page.getByTestId('pin-reset-confirm').click();
    await page.getByText(`已重置 ${chair.name} 的 PIN，请设置新的 PIN`).waitFor();
    // The chair declines a new PIN, as on first use, and works without one.
    await page.getByTestId('pin-skip').click();
    await page.getByTestId('my-bases').waitFor();
    expect(await page.getByTestId('pin-button').innerText()).toContain('设置 PIN');
  });

  it('asks for the PIN the colleague set, which now guards the colleague too', async () => {
    await chooseExpert(page, colleague.name);
    await page.getByTestId('pin-unlock').fill(COLLEAGUE_PIN);
    await page.getByTestId('pin-unlock').press('Enter');
    await page.getByTestId('my-bases').waitFor();
    expect(errors).toEqual([]);
  });
});
