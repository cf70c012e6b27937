// The secretariat imports a roster into a new round in Chromium: a workbook written by
// exceljs with mistakes is refused row by row (nothing saved), a C-category platform's new
// type is chosen in the preview, a good workbook dropped onto the tab becomes the bases
// table, a wrong base is deleted, the roster is cleared, and the template downloads as a
// workbook the importer itself accepts.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshotPath, useMachine } from './helpers/browser';
import { excelValues, excelWorkbook, loadWithExcelJs } from '../helpers/xlsxBuilders';

const TITLE = ['2024年度辽宁省科技创新基地评估名单'];
const HEADER = [
  '序号',
  '基地名称',
  '基地类型',
  '依托单位',
  '所在地市',
  '负责人',
  '批建年份',
  '所属领域',
];

const GOOD_ROWS = [
  ['1', '辽宁省轧制技术重点实验室', '重点实验室', '东北大学', '沈阳市', '张明', 2008, '材料'],
  [
    '2',
    '辽宁省精细化工工程技术研究中心',
    '工程技术研究中心',
    '大连理工大学',
    '大连',
    '李华',
    2012,
    '化工',
  ],
  ['3', '辽宁省肿瘤临床医学研究中心', 'B5', '辽宁省肿瘤医院', '沈阳', '王强', 2017, '肿瘤'],
];

describe('roster import', () => {
  const machine = useMachine();
  const dir = mkdtempSync(join(tmpdir(), 'pinggu-roster-e2e-'));

  const problemRows = async (): Promise<string[][]> =>
    machine.page
      .getByTestId('roster-problems-table')
      .locator('tbody tr.ant-table-row')
      .evaluateAll((rows) =>
        rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.innerText.trim())),
      );

  it('creates a new round with the wizard and opens its empty roster', async () => {
    const { page } = machine;
    await page.goto(`${machine.url}#/secretariat`);
    await page.getByTestId('round-wizard').waitFor();
    for (let step = 0; step < 3; step += 1) await page.getByTestId('wizard-next').click();
    await page.getByTestId('wizard-finish').click();
    await page.getByTestId('round-wizard').waitFor({ state: 'detached' });
    await page.goto(`${machine.url}#/secretariat/bases`);
    await page.getByTestId('roster-import-button').waitFor();
    expect(await page.getByTestId('roster-count').innerText()).toBe('共 0 个基地');
  });

  it('refuses a workbook with mistakes row by row and saves nothing', async () => {
    const { page } = machine;
    const bytes = await excelWorkbook([
      {
        name: '名单',
        rows: [
          TITLE,
          HEADER,
          GOOD_ROWS[0] ?? [],
          ['2', '', '重点实验室', '中国医科大学', '沈阳', '赵明', 2011, '医学'],
          ['3', '辽宁省冶金工程研究中心', '工程研究中心', '鞍钢集团', '北京', '刘军', 2015, '冶金'],
          [
            '4',
            '辽宁省重大装备工程技术研究中心',
            'B4',
            '沈阳鼓风机集团',
            '沈阳',
            '孙伟',
            1949,
            '装备',
          ],
          ['5', '辽宁省轧制技术重点实验室', 'A1', '东北大学', '沈阳', '张明', 2008, '材料'],
          [
            '6',
            '辽宁省分析测试资源共享平台',
            '科技创新资源共享服务平台',
            '大连化学物理研究所',
            '大连',
            '张涛',
            2010,
            '分析测试',
          ],
        ],
      },
    ]);
    const file = join(dir, '名单-有误.xlsx');
    writeFileSync(file, bytes);
    const choosing = page.waitForEvent('filechooser');
    await page.getByTestId('roster-import-button').click();
    await (await choosing).setFiles(file);
    await page.getByTestId('roster-problems-table').waitFor();

    const rows = await problemRows();
    expect(rows.map(([row, column]) => [row, column])).toEqual([
      ['4', '基地名称'],
      ['5', '所在地市'],
      ['6', '批建年份'],
      ['7', '基地名称'],
      ['8', '基地类型'],
    ]);
    expect(rows[0]?.[2]).toBe('基地名称不能为空');
    expect(rows[1]?.[2]).toContain('「北京」不是辽宁省的地市');
    expect(rows[3]?.[2]).toBe('与第 3 行重复（基地名称和依托单位相同）');
    expect(await page.getByTestId('roster-preview-summary').innerText()).toContain(
      '共 6 行数据：1 行可导入，5 行有问题。',
    );
    expect(await page.getByTestId('roster-import-confirm').isDisabled()).toBe(true);
    await page.screenshot({ path: screenshotPath('roster-problems') });

    // The platform's new type can be chosen right in the preview.
    await page.getByTestId('roster-type-choice-8').click();
    await page
      .locator('.ant-select-dropdown .ant-select-item-option-content')
      .getByText('C2 省大型科学仪器共享服务平台')
      .click();
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="roster-preview-summary"]')
          ?.getAttribute('data-problems') === '4',
    );
    expect((await problemRows()).map(([row]) => row)).toEqual(['4', '5', '6', '7']);

    await page.getByTestId('roster-import-cancel').click();
    await page.getByTestId('roster-preview').waitFor({ state: 'detached' });
    expect(await page.getByTestId('roster-count').innerText()).toBe('共 0 个基地');
  });

  it('refuses a CSV whose quote never closes, naming the row, and a 批建年份 after the round year', async () => {
    const { page } = machine;
    const csv = (name: string, rows: (string | number)[][]): string => {
      const file = join(dir, name);
      writeFileSync(file, `${rows.map((row) => row.join(',')).join('\r\n')}\r\n`);
      return file;
    };
    const unclosed = csv('名单-引号.csv', [
      HEADER,
      GOOD_ROWS[0] ?? [],
      ['2', '"辽宁省精细化工中心'],
    ]);
    let choosing = page.waitForEvent('filechooser');
    await page.getByTestId('roster-import-button').click();
    await (await choosing).setFiles(unclosed);
    // Read in the spreadsheet worker; the refusal is one sentence naming row 3.
    await page
      .locator('.ant-message-notice')
      .getByText('文件「名单-引号.csv」第 3 行有一个双引号（"）没有配对', { exact: false })
      .waitFor();
    expect(await page.getByTestId('roster-preview').count()).toBe(0);

    const future = csv('名单-年份.csv', [
      HEADER,
      ['1', ...(GOOD_ROWS[0] ?? []).slice(1, 6), 2099, '材料'],
    ]);
    choosing = page.waitForEvent('filechooser');
    await page.getByTestId('roster-import-button').click();
    await (await choosing).setFiles(future);
    await page.getByTestId('roster-problems-table').waitFor();
    const rows = await problemRows();
    expect(rows.map(([row, column]) => [row, column])).toEqual([['2', '批建年份']]);
    expect(rows[0]?.[2]).toMatch(/^批建年份 2099 晚于本轮评估年度 \d{4} 年，请核对$/u);
    await page.getByTestId('roster-import-cancel').click();
    await page.getByTestId('roster-preview').waitFor({ state: 'detached' });
  });

  it('imports a good workbook dropped onto the tab into the bases table', async () => {
    const { page } = machine;
    const bytes = await excelWorkbook([{ name: '基地名单', rows: [TITLE, HEADER, ...GOOD_ROWS] }]);
    await page.getByTestId('roster-drop-zone').evaluate((zone, base64) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], '基地名单.xlsx'));
      zone.dispatchEvent(
        new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
    }, Buffer.from(bytes).toString('base64'));
    await page.getByTestId('roster-preview').waitFor();
    expect(await page.getByTestId('roster-preview-summary').innerText()).toContain(
      '共 3 行数据：3 行可导入，0 行有问题。',
    );
    await page.getByTestId('roster-import-confirm').click();
    await page.getByTestId('roster-preview').waitFor({ state: 'detached' });
    await page.getByText('共 3 个基地').waitFor();

    const table = page.getByTestId('bases-table');
    const names = await table
      .locator('tbody tr.ant-table-row td:first-child')
      .evaluateAll((cells) => cells.map((cell) => (cell as HTMLElement).innerText.trim()));
    expect([...names].sort()).toEqual(GOOD_ROWS.map((row) => String(row[1])).sort());
    const text = await table.innerText();
    expect(text).toContain('B4');
    expect(text).toContain('工程技术研究中心');
    await page.screenshot({ path: screenshotPath('roster-imported') });
  });

  it('refuses the same workbook again as duplicates of the bases already in the round', async () => {
    const { page } = machine;
    const bytes = await excelWorkbook([{ name: '基地名单', rows: [TITLE, HEADER, ...GOOD_ROWS] }]);
    const file = join(dir, '基地名单-重复.xlsx');
    writeFileSync(file, bytes);
    const choosing = page.waitForEvent('filechooser');
    await page.getByTestId('roster-import-button').click();
    await (await choosing).setFiles(file);
    await page.getByTestId('roster-problems-table').waitFor();
    const rows = await problemRows();
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => row[2]?.startsWith('本轮已有该基地'))).toBe(true);
    await page.getByTestId('roster-import-cancel').click();
  });

  it('deletes one base, then clears the roster, each after confirmation', async () => {
    const { page } = machine;
    const row = page.getByTestId('bases-table').locator('tbody tr.ant-table-row').first();
    await row.locator('[data-testid^="base-delete-"]').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确/ }).click();
    await page.getByText('共 2 个基地').waitFor();

    await page.getByTestId('roster-clear').click();
    await page.locator('.ant-popconfirm').getByText('删除本轮全部 2 个基地').waitFor();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确/ }).last().click();
    await page.getByText('共 0 个基地').waitFor();
  });

  it('downloads a template workbook that the importer accepts', async () => {
    const { page } = machine;
    const downloading = page.waitForEvent('download');
    await page.getByTestId('roster-template-xlsx').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('基地名单模板.xlsx');
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const workbook = await loadWithExcelJs(new Uint8Array(readFileSync(file)));
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('template has no sheet');
    expect(excelValues(sheet)[1]?.slice(0, 2)).toEqual(['基地名称*', '基地类型*']);

    const choosing = page.waitForEvent('filechooser');
    await page.getByTestId('roster-import-button').click();
    await (await choosing).setFiles(file);
    await page.getByTestId('roster-preview').waitFor();
    expect(await page.getByTestId('roster-preview-summary').innerText()).toContain(
      '2 行可导入，0 行有问题',
    );
    await page.getByTestId('roster-import-cancel').click();
    expect(machine.errors).toEqual([]);
  });
});
