// Node side of the LibreOffice scoresheet e2e: a small issued round as a secretariat holds it
// (one panel, three experts, two key laboratories, nothing scored yet, the mean rule), written
// as a backup bundle to restore on a fresh profile; what a person types into an exported
// workbook, found the way a person finds it (the 得分 column under its header, the rows down
// to 总分, the input to the right of its label; read here with exceljs, not our reader); and
// the scores typed in the app. Every total the test expects is summed here from typed values.
import type ExcelJS from 'exceljs';
import { createBundle } from '../../../shared/bundle/bundle';
import { generateSigningKeyPair } from '../../../shared/bundle/bundleCrypto';
import { builtinTemplateForType } from '../../../shared/domain/templates';
import {
  buildAssignment,
  buildBase,
  buildExpert,
  buildPanel,
  buildRound,
} from '../../helpers/builders';
import { loadWithExcelJs } from '../../helpers/xlsxBuilders';
import type { TypedCell } from './libreoffice';

const CREATED_AT = '2024-05-20T08:00:00.000Z';

export const ROUND_NAME = '2024年度Excel评分表演练';
export const PANEL_NAME = '沈阳组';
/** 李娜 scores in Excel (LibreOffice here); 张伟 (the chair) and 王强 in the app. */
export const EXCEL_EXPERT = '李娜';
export const EXPERT_NAMES = ['张伟', EXCEL_EXPERT, '王强'] as const;
export const BASE_NAMES = ['辽宁省先进材料重点实验室', '辽宁省智能制造重点实验室'] as const;
export const BASE_CODES = ['LN-A1-XL-1', 'LN-A1-XL-2'] as const;

export type SmallRound = {
  backup: Uint8Array;
  panelId: string;
  indicatorIds: string[];
  maxima: number[];
};

export async function smallRound(): Promise<SmallRound> {
  const crypto = globalThis.crypto;
  const round = buildRound({
    status: 'issued',
    name: ROUND_NAME,
    aggregation: { method: 'mean', trimCount: 1, trimMinSheets: 5 },
  });
  const panel = buildPanel(round.id, { name: PANEL_NAME });
  const experts = EXPERT_NAMES.map((name, i) =>
    buildExpert(round.id, panel.id, {
      name,
      institution: ['大连理工大学', '辽宁大学', '沈阳工业大学'][i],
    }),
  );
  const chaired = { ...panel, chairExpertId: experts[0]?.id ?? '' };
  const template = builtinTemplateForType('A1');
  const bases = BASE_NAMES.map((name, i) =>
    buildBase(round.id, { panelId: panel.id, name, code: BASE_CODES[i] }),
  );
  const assignments = bases.flatMap((b) => experts.map((e) => buildAssignment(b, e)));
  const backup = await createBundle({
    kind: 'backup',
    roundId: round.id,
    deviceId: 'excel-secretariat',
    appVersion: '0.1.0',
    createdAt: CREATED_AT,
    crypto,
    signer: await generateSigningKeyPair(crypto),
    payload: {
      rounds: [round],
      templates: [template],
      bases,
      panels: [chaired],
      experts,
      assignments,
      scoresheets: [],
      decisions: [],
      changes: [],
      registryRounds: [],
      registryApprovals: [],
      registryHistory: [],
      conflicts: [],
      imports: [],
      audit: [],
      settings: [
        { key: 'deviceId', value: 'excel-secretariat' },
        { key: 'currentRoundId', value: round.id },
      ],
    },
  });
  const indicators = template.primaries.flatMap((p) => p.children);
  return {
    backup,
    panelId: panel.id,
    indicatorIds: indicators.map((c) => c.id),
    maxima: indicators.map((c) => c.maxPoints),
  };
}

export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** A score a person gives: a share of the maximum (depending on who, what, which row), on 0.5. */
export function scoreFor(max: number, who: number, base: number, row: number): number {
  const share = 0.55 + ((who * 3 + base * 5 + row * 7) % 9) / 20;
  return Math.min(max, Math.round(max * share * 2) / 2);
}

/** One base sheet of a workbook as a person fills it: the cells typed and the total typed. */
export type FilledSheet = { sheet: string; cells: TypedCell[]; total: number; scores: number[] };

const textOf = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) {
    return value.richText.map((r) => r.text).join('');
  }
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '');
  return String(value as string | number | boolean);
};

/** The row whose column A reads `label`, from `from` on. */
function rowLabelled(sheet: ExcelJS.Worksheet, label: string, from: number): number {
  for (let row = from; row <= sheet.rowCount; row += 1) {
    if (textOf(sheet.getCell(`A${row}`).value).trim() === label) return row;
  }
  throw new Error(`no ${label} on sheet ${sheet.name}`);
}

/**
 * Reads the exported workbook and plans what the expert types on every base sheet: a score
 * in each 得分 cell down to 总分, 处理建议 保留并调整方向, and 确认提交 是.
 */
export async function planFilling(bytes: Uint8Array, who: number): Promise<FilledSheet[]> {
  const workbook = await loadWithExcelJs(bytes);
  const planned: FilledSheet[] = [];
  for (const sheet of workbook.worksheets) {
    if (sheet.state !== 'visible') continue;
    const base = BASE_CODES.indexOf(sheet.name as (typeof BASE_CODES)[number]);
    if (base < 0) continue;
    const header = rowLabelled(sheet, '一级指标', 1);
    if (textOf(sheet.getCell(`D${header}`).value) !== '得分') {
      throw new Error(`no 得分 header on sheet ${sheet.name}`);
    }
    const totalRow = rowLabelled(sheet, '总分', header + 1);
    const cells: TypedCell[] = [];
    const scores: number[] = [];
    for (let row = header + 1; row < totalRow; row += 1) {
      const max = Number(textOf(sheet.getCell(`C${row}`).value));
      const score = scoreFor(max, who, base, row - header - 1);
      scores.push(score);
      cells.push({ sheet: sheet.name, cell: `D${row}`, value: score });
    }
    const input = (label: string, value: string) =>
      cells.push({ sheet: sheet.name, cell: `B${rowLabelled(sheet, label, totalRow)}`, value });
    input('处理建议', '保留并调整方向');
    input('总体评价', '运行规范，建议聚焦主攻方向。');
    input('确认提交', '是');
    planned.push({ sheet: sheet.name, cells, total: sum(scores), scores });
  }
  return planned;
}
