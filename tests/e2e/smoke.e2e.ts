// Smoke test of the real app in Debian's Chromium: a fresh machine loads the demo round,
// sees its numbers on the home screen, keeps them after a reload, switches language, and
// every area of the app renders without a page error. This machine keeps the system's
// default motion (animations on), unlike the other e2e machines; the last test checks that
// the app turns animations off when the system asks for reduced motion.
import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../../shared/demo/demoRound';
import { SETTLED, screenshotPath, useMachine } from './helpers/browser';

describe('first launch with the demo round', () => {
  const machine = useMachine({ reducedMotion: 'no-preference' });
  const demo = generateDemoDataset().current;

  it('offers the demo round on an empty database, in Chinese', async () => {
    const { page } = machine;
    await page.goto(machine.url);
    await page.getByTestId('welcome').waitFor();
    expect(await page.getByText('还没有评估轮次').isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('welcome') });
  });

  it('loads the demo round and shows its numbers of bases, panels and experts', async () => {
    const { page } = machine;
    await page.getByTestId('load-demo').click();
    await page.getByTestId('home-round').waitFor();
    const statValue = (id: string) =>
      page.getByTestId(id).locator('.ant-statistic-content-value').innerText();
    expect(await statValue('stat-bases')).toBe(String(demo.bases.length));
    expect(await statValue('stat-panels')).toBe(String(demo.panels.length));
    expect(await statValue('stat-experts')).toBe(String(demo.experts.length));
    const submitted = demo.scoresheets.filter((s) => s.status === 'submitted' && !s.recusal).length;
    expect(await statValue('stat-submitted')).toBe(String(submitted));
    expect(await page.getByTestId('header-round').innerText()).toBe(demo.round.name);
  });

  it('keeps the round after a reload (data is in IndexedDB, not in memory)', async () => {
    const { page } = machine;
    await page.reload();
    await page.getByTestId('home-round').waitFor();
    const value = await page
      .getByTestId('stat-bases')
      .locator('.ant-statistic-content-value')
      .innerText();
    expect(value).toBe(String(demo.bases.length));
    await page.screenshot({ path: screenshotPath('home') });
  });

  it('switches the whole interface to English and back', async () => {
    const { page } = machine;
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByText('Current evaluation round').waitFor();
    expect(await page.getByTestId('main-nav').innerText()).toContain("Chair's dashboard");
    await page.screenshot({ path: screenshotPath('home-en') });
    await page.getByTestId('language-switch').getByText('中文').click();
    await page.getByText('当前评估轮次').waitFor();
    expect(await page.getByTestId('main-nav').innerText()).toContain('组长看板');
  });

  it('renders every area of the app without a page error', async () => {
    const { page } = machine;
    await page.getByTestId('main-nav').getByText('秘书处').click();
    await page.getByTestId('round-settings').waitFor(); // 轮次设置 is the first tab
    await page.getByRole('tab', { name: /基地名单/ }).click();
    await page.getByTestId('bases-table').waitFor();
    expect(await page.getByTestId('panel-card').count()).toBe(0); // second tab not open yet
    await page.getByRole('tab', { name: /专家组与专家/ }).click();
    await page.getByTestId('panel-card').first().waitFor();
    expect(await page.getByTestId('panel-card').count()).toBe(demo.panels.length);

    await page.getByTestId('main-nav').getByText('专家评分').click();
    await page.getByTestId('expert-progress').waitFor();

    await page.getByTestId('main-nav').getByText('组长看板').click();
    await page.getByTestId('ranking-chart').waitFor();
    const firstType = demo.bases.map((b) => b.type).sort()[0];
    const scoredOfType = new Set(
      demo.scoresheets
        .filter((s) => s.status === 'submitted' && !s.recusal)
        .map((s) => s.baseId)
        .filter((id) => demo.bases.find((b) => b.id === id)?.type === firstType),
    );
    // Recharts draws the bars in a later pass than the chart's container.
    const bars = page.getByTestId('ranking-chart').locator('.ranking-bar');
    await expect.poll(() => bars.count(), SETTLED).toBe(scoredOfType.size);
    await page.screenshot({ path: screenshotPath('dashboard') });

    await page.getByTestId('main-nav').getByText('关于').click();
    await page.getByTestId('about-info').waitFor();
    expect(await page.getByTestId('about-info').innerText()).toContain('浏览器');
    expect(machine.errors).toEqual([]);
  });

  it('animates dialogs, but not when the system asked for reduced motion at start', async () => {
    const { page } = machine;
    // Records every class an element of a dialog takes, from before the click on.
    const classesWhileOpening = async (): Promise<string[]> => {
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as { __seenClasses?: string[] }).__seenClasses = seen;
        new MutationObserver((records) => {
          for (const record of records) {
            if (record.target instanceof Element) seen.push(record.target.className.toString());
            for (const node of record.addedNodes) {
              if (node instanceof Element) seen.push(node.className.toString());
            }
          }
        }).observe(document.body, { subtree: true, childList: true, attributes: true });
      });
      await page.getByTestId('add-expert').first().click();
      await page.getByRole('dialog').waitFor();
      // The dialog is settled once it has no motion class left.
      const dialogClass = () => page.locator('.ant-modal').first().getAttribute('class');
      await expect.poll(dialogClass, SETTLED).not.toMatch(/ant-zoom/);
      const seen = await page.evaluate(
        () => (window as { __seenClasses?: string[] }).__seenClasses ?? [],
      );
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      // An animation's steps (a dialog takes its 'prepare' class even without motion, to
      // measure itself, but moves only in 'start' and 'active').
      return seen.filter((c) => /ant-(zoom|fade)-(appear|enter)-(start|active)/.test(c));
    };
    await page.getByTestId('main-nav').getByText('秘书处').click();
    await page.getByRole('tab', { name: /专家组与专家/ }).click();
    await page.getByTestId('panel-card').first().waitFor();
    expect(await classesWhileOpening()).not.toEqual([]);
    const motion = () => page.evaluate(() => document.documentElement.dataset['motion']);
    expect(await motion()).toBe('full');
    // The setting is read when the app starts (a change mid-work would remount every screen).
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await motion()).toBe('full');
    await page.reload();
    await page.getByTestId('panel-card').first().waitFor();
    expect(await motion()).toBe('reduced');
    expect(await classesWhileOpening()).toEqual([]);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.reload();
    await page.getByTestId('panel-card').first().waitFor();
    expect(await motion()).toBe('full');
    expect(machine.errors).toEqual([]);
  });
});
