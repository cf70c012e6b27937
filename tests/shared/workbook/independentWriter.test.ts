// exceljs, an independent implementation, writes a filled scoresheet workbook from
// docs/excel-scoresheet.md alone (the digest computed here by the documented rules, not by
// shared/workbook), and our reader must accept it; and a sheet exceljs adds to one of our
// workbooks is refused.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { IndicatorTemplate } from '../../../shared/domain/types';
import { readScoresheetWorkbook, writeScoresheetWorkbook } from '../../../shared/workbook';
import { loadWithExcelJs } from '../../helpers/xlsxBuilders';
import { EXPORTED_AT, workbookRound } from '../../helpers/workbookBuilders';

const crypto = globalThis.crypto;
const HEADER = ['一级指标', '二级指标', '满分', '得分', '评语', '一级小计', '指标编号'];
const INPUTS: [string, string][] = [
  ['recusal', '回避'],
  ['recusalReason', '回避理由'],
  ['disposition', '处理建议'],
  ['target', '目标'],
  ['reason', '理由'],
  ['overall', '总体评价'],
  ['confirm', '确认提交'],
];

/** Canonical JSON as the bundle format defines it: sorted keys, no whitespace. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The documented cell map of a base sheet, and where its inputs are. */
function documentedCells(template: IndicatorTemplate) {
  const cells: Record<string, string> = {};
  HEADER.forEach((label, i) => (cells[`${'ABCDEFG'[i]}4`] = label));
  const rows: { row: number; id: string }[] = [];
  let row = 5;
  for (const p of template.primaries) {
    if (p.children.length === 0) continue;
    const first = row;
    for (const s of p.children) {
      cells[`G${row}`] = `indicator:${s.id}`;
      cells[`C${row}`] = `max:${s.id}:${JSON.stringify(s.maxPoints)}`;
      cells[`D${row}`] = `score:${s.id}`;
      cells[`E${row}`] = `comment:${s.id}`;
      rows.push({ row, id: s.id });
      row += 1;
    }
    cells[`A${first}`] = `primary:${p.id}:${JSON.stringify(p.maxPoints)}`;
    cells[`F${first}`] = `subtotal:${p.id}:${first}-${row - 1}`;
  }
  const t = row;
  cells[`A${t}`] = '总分';
  cells[`D${t}`] = 'total';
  const inputRow: Record<string, number> = {};
  INPUTS.forEach(([key, label], i) => {
    cells[`A${t + 2 + i}`] = label;
    cells[`B${t + 2 + i}`] = `input:${key}`;
    inputRow[key] = t + 2 + i;
  });
  return { cells, rows, total: t, inputRow };
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

describe('a workbook written by another tool from the documentation', () => {
  it('is accepted by our reader, scores typed as numbers or as text', async () => {
    const setup = workbookRound();
    const bases = [
      { sheet: 'LN-A1-001', base: 'base-a', code: 'LN-A1-001', template: setup.templates[0] },
      { sheet: 'LN-B1-002', base: 'base-b', code: 'LN-B1-002', template: setup.templates[1] },
    ];
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').getCell('A1').value = '说明';
    const sheets = [];
    for (const b of bases) {
      if (!b.template) throw new Error('template');
      const layout = documentedCells(b.template);
      const sheet = workbook.addWorksheet(b.sheet);
      for (const [ref, role] of Object.entries(layout.cells)) {
        if (role.startsWith('indicator:')) sheet.getCell(ref).value = role.slice(10);
        else if (!role.includes(':') && role !== 'total') sheet.getCell(ref).value = role;
      }
      sheets.push({
        sheetName: b.sheet,
        baseId: b.base,
        templateId: b.template.id,
        templateVersion: b.template.version,
        cells: layout.cells,
      });
      // The expert's answers: A1 complete as numbers, B1 half done as text.
      layout.rows.forEach(({ row }, i) => {
        if (b.code === 'LN-A1-001') sheet.getCell(`D${row}`).value = 5 + (i % 2) * 0.5;
        else if (i < 5) sheet.getCell(`D${row}`).value = '3.5';
      });
      sheet.getCell(`B${layout.inputRow.disposition}`).value =
        b.code === 'LN-A1-001' ? '限期整改' : '保留并调整方向';
      sheet.getCell(`B${layout.inputRow.reason}`).value = '成果转化不足';
      sheet.getCell(`B${layout.inputRow.confirm}`).value = '是';
    }
    const digest = await sha256(
      canonical({
        format: 'pinggu-scoresheet',
        layoutVersion: 1,
        roundId: 'round-wb',
        expertId: 'expert-wb',
        sheets,
      }),
    );
    const identity = workbook.addWorksheet('pinggu-identity', { state: 'veryHidden' });
    identity.addRows([
      ['format', 'pinggu-scoresheet'],
      ['layoutVersion', '1'],
      ['roundId', 'round-wb'],
      ['roundName', ''],
      ['expertId', 'expert-wb'],
      ['expertName', ''],
      ['exportedAt', EXPORTED_AT],
      ['layoutSha256', digest],
      ...bases.map((b) => [
        'base',
        b.sheet,
        b.base,
        b.code,
        b.template?.id,
        String(b.template?.version),
      ]),
    ]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const result = await readScoresheetWorkbook(bytes, setup.context, { crypto });
    if (!result.ok) throw new Error(result.refusal.message);
    const [a, b] = result.sheets;
    // A1: 9 indicators alternating 5 and 5.5 → 5 × 5 + 4 × 5.5 = 47.
    expect(Object.values(a?.scores ?? {}).reduce((s, v) => s + v, 0)).toBe(47);
    expect(a).toMatchObject({
      status: 'submitted',
      missingCount: 0,
      recommendation: { disposition: { code: 'rectify' }, reason: '成果转化不足' },
    });
    expect(b).toMatchObject({
      status: 'draft',
      missingCount: 5,
      scores: { 'B1.1.1': 3.5, 'B1.1.2': 3.5, 'B1.1.3': 3.5, 'B1.1.4': 3.5, 'B1.1.5': 3.5 },
      notes: ['尚有 5 项未打分'],
    });
  });

  it('refuses our workbook once another program added a sheet', async () => {
    const setup = workbookRound();
    const workbook = await loadWithExcelJs(await writeScoresheetWorkbook(setup.input, crypto));
    workbook.addWorksheet('草稿').getCell('A1').value = 1;
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await readScoresheetWorkbook(bytes, setup.context, { crypto });
    expect(result).toMatchObject({
      ok: false,
      refusal: {
        code: 'unknownSheet',
        sheet: '草稿',
        message: '工作表“草稿”：不是导出时的工作表（评分表中不应增加工作表），未导入。',
      },
    });
  });
});
