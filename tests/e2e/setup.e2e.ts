// Round setup in Chromium, from an empty app: the secretariat creates a round with the
// wizard, copies the key-laboratory indicator system and re-weights it (the app shows the
// sums out of balance and refuses to save until they add up), creates two panels, adds
// experts by hand and from a CSV sheet, and chooses each panel's chair.
import { describe, expect, it } from 'vitest';
import { chooseOption, SETTLED, screenshotPath, useMachine } from './helpers/browser';

const ROUND_NAME = '2024年度省级科技创新基地定期评估';

const EXPERT_CSV = [
  '2024年度评估专家名单',
  '姓名,单位,职称,领域,电话,组别',
  '王芳,东北大学,研究员,冶金,024-8368 7777,沈阳一组',
  '赵强,大连理工大学,教授,化工,13900001111,大连组',
  '孙丽,大连海事大学,教授,航运,,大连组',
  ',辽宁大学,教授,经济,,沈阳一组',
  '周涛,沈阳工业大学,教授,机械,,锦州组',
].join('\r\n');

describe('setting up a round from an empty app', () => {
  const machine = useMachine();

  const panelCard = (name: string) =>
    machine.page.locator(`[data-testid="panel-card"][data-panel-name="${name}"]`);

  it('creates a round with the wizard, refusing a step until its problems are fixed', async () => {
    const { page } = machine;
    await page.goto(machine.url);
    await page.getByTestId('welcome').waitFor();
    await page.getByTestId('new-round-home').click();
    await page.getByTestId('round-wizard').waitFor();

    await page.getByTestId('wizard-name').fill(ROUND_NAME);
    await page.getByTestId('wizard-year').fill('2024');
    await page.getByTestId('wizard-type-periodic').click();
    await page.getByTestId('wizard-next').click();

    // Grades: 良好 above 优秀 is refused until it is put back.
    await page.getByTestId('wizard-band-good').fill('95');
    await page.getByTestId('wizard-next').click();
    expect(await page.getByTestId('wizard-problems').innerText()).toContain(
      '分数线须按 优秀 > 良好 > 合格 > 不合格 从高到低排列',
    );
    await page.getByTestId('wizard-band-good').fill('80');
    await page.getByTestId('wizard-problems').waitFor({ state: 'detached' });
    await page.getByTestId('wizard-quota-excellent').fill('20');
    await page.getByTestId('wizard-next').click();

    await page.getByTestId('wizard-method-trimmedMean').click();
    await page.getByTestId('wizard-trim-min').fill('6');
    await page.getByTestId('wizard-disagreement').fill('20');
    await page.getByTestId('wizard-next').click();

    await page.getByTestId('wizard-template-A1').waitFor();
    await page.screenshot({ path: screenshotPath('setup-wizard') });
    await page.getByTestId('wizard-finish').click();

    await page.getByTestId('round-settings').waitFor();
    expect(await page.getByTestId('header-round').innerText()).toBe(ROUND_NAME);
    expect(await page.getByTestId('settings-trim-min').inputValue()).toBe('6');
    expect(await page.getByTestId('settings-quota-excellent').inputValue()).toBe('20');
  });

  it('copies the key-laboratory system, shows the sums out of balance, and saves once fixed', async () => {
    const { page } = machine;
    await page.getByRole('tab', { name: /指标体系/ }).click();
    await page.getByTestId('templates-table').waitFor();
    await page.getByTestId('template-copy-A1').click();
    await page.getByTestId('template-editor').waitFor();

    // The scenario: 学术交流与合作 down to 5, 代表性研究成果 up to 26.
    await page.getByTestId('secondary-points-A1.3.2').fill('5');
    await page.getByTestId('secondary-points-A1.1.3').fill('26');
    await page.getByTestId('template-name').fill('2024 省重点实验室评估指标体系');
    expect(await page.getByTestId('primary-sum-A1.1').innerText()).toBe('二级指标合计 51 / 50');
    expect(await page.getByTestId('primary-sum-A1.3').innerText()).toBe('二级指标合计 19 / 20');
    const problems = await page.getByTestId('template-problems').innerText();
    expect(problems).toContain(
      '一级指标“研究水平与贡献”的分值（50）与其二级指标分值之和（51）不一致',
    );
    expect(await page.getByTestId('template-save').isDisabled()).toBe(true);

    // Raising a primary alone puts the total off 100: still refused.
    await page.getByTestId('primary-points-A1.1').fill('51');
    expect(await page.getByTestId('template-total').innerText()).toBe('一级指标合计 101 / 100 分');
    expect(await page.getByTestId('template-problems').innerText()).toContain(
      '指标体系总分须为 100，当前为 101',
    );
    await page.getByTestId('primary-points-A1.3').fill('19');
    await page.getByTestId('template-problems').waitFor({ state: 'detached' });
    expect(await page.getByTestId('template-total').innerText()).toBe('一级指标合计 100 / 100 分');
    await page.screenshot({ path: screenshotPath('setup-template-editor'), fullPage: true });

    await page.getByTestId('template-save').click();
    await page.getByTestId('templates-table').waitFor();
    // The overview comes back before its live query has seen the commit, so
    // the row may show the built-in name for a moment.
    await expect
      .poll(() => page.getByTestId('template-name-A1').innerText(), SETTLED)
      .toBe('2024 省重点实验室评估指标体系');
    expect(await page.getByTestId('template-row-A1').innerText()).toContain('自定义');
  });

  it('creates two panels and adds an expert by hand, refusing a bad phone number', async () => {
    const { page } = machine;
    await page.getByRole('tab', { name: /专家组与专家/ }).click();
    for (const name of ['沈阳一组', '大连组']) {
      await page.getByTestId('add-panel').click();
      await page.getByTestId('panel-name-input').fill(name);
      await page.getByTestId('panel-save').click();
      await panelCard(name).waitFor();
    }
    expect(await page.getByTestId('panel-card').count()).toBe(2);

    await panelCard('沈阳一组').getByTestId('add-expert').click();
    await page.getByTestId('expert-name').fill('李明');
    await page.getByTestId('expert-institution').fill('中国科学院金属研究所');
    await page.getByTestId('expert-title').fill('研究员');
    await page.getByTestId('expert-field').fill('材料');
    await page.getByTestId('expert-phone').fill('139-1234-567x');
    await page.getByTestId('expert-save').click();
    await page.getByText('联系电话「139-1234-567x」应为 7–15 位数字').waitFor();
    await page.getByTestId('expert-phone').fill('139-1234-5678');
    await page.getByTestId('expert-save').click();
    await panelCard('沈阳一组').getByText('中国科学院金属研究所').waitFor();
    expect(await panelCard('沈阳一组').innerText()).toContain('13912345678');
  });

  it('imports experts from a CSV sheet after a preview of its problems', async () => {
    const { page } = machine;
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByTestId('import-experts').click(),
    ]);
    await chooser.setFiles({
      name: '专家名单.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${EXPERT_CSV}`, 'utf8'),
    });
    const problems = page.getByTestId('expert-import-problems');
    await problems.waitFor();
    const problemText = await problems.innerText();
    expect(problemText).toContain('专家姓名不能为空');
    expect(problemText).toContain('本轮次没有名为「锦州组」的评审组');
    const preview = await page.getByTestId('expert-import-preview').innerText();
    expect(preview).toContain('王芳');
    expect(preview).toContain('02483687777');
    await page.screenshot({ path: screenshotPath('setup-expert-import') });

    await page.getByTestId('expert-import-confirm').click();
    await page.getByTestId('expert-import-confirm').waitFor({ state: 'detached' });
    await panelCard('大连组').getByText('大连海事大学').waitFor();
    expect(await panelCard('沈阳一组').locator('tbody tr.ant-table-row').count()).toBe(2);
    expect(await panelCard('大连组').locator('tbody tr.ant-table-row').count()).toBe(2);
  });

  it('chooses a chair for each panel', async () => {
    const { page } = machine;
    await chooseOption(page, panelCard('沈阳一组').getByTestId('chair-select'), '李明');
    await panelCard('沈阳一组').getByTestId('chair-tag').waitFor();
    await chooseOption(page, panelCard('大连组').getByTestId('chair-select'), '赵强');
    await panelCard('大连组').getByTestId('chair-tag').waitFor();
    const chairRow = (name: string) =>
      panelCard(name).locator('tbody tr.ant-table-row', {
        has: page.getByTestId('chair-tag'),
      });
    expect(await chairRow('沈阳一组').innerText()).toContain('李明');
    expect(await chairRow('大连组').innerText()).toContain('赵强');
    await page.screenshot({ path: screenshotPath('setup-panels'), fullPage: true });

    await page.getByTestId('main-nav').getByText('首页').click();
    await page.getByTestId('home-round').waitFor();
    const statValue = (id: string) =>
      page.getByTestId(id).locator('.ant-statistic-content-value').innerText();
    expect(await statValue('stat-panels')).toBe('2');
    expect(await statValue('stat-experts')).toBe('4');
    expect(machine.errors).toEqual([]);
  });
});
