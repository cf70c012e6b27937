// One base sheet of a returned workbook, checked cell by cell against its layout: header and
// labels where the layout puts them, the hidden indicator ids in template order (a row
// inserted, deleted or moved shows there), every score a number on the 0.5 step within its
// maximum, the 是/否 and 处理建议 cells from their lists, 目标 a type or base of the round.
// Subtotal and total cells are never read: totals are recomputed from the scores.
import { validateDispositionDecision } from '../domain/dispositions';
import { dispositionByCode } from '../domain/dispositions';
import type { Base, Disposition, DispositionDecision, IndicatorTemplate } from '../domain/types';
import {
  COLUMNS,
  HEADER,
  HEADER_ROW,
  INPUT_COLUMN,
  INPUT_KEYS,
  INPUT_LABELS,
  LABEL_COLUMN,
  sheetLayout,
  TOTAL_LABEL,
} from './layout';
import type { InputKey } from './layout';
import { refusal } from './refusals';
import type { WorkbookRefusal, WorkbookSheet } from './types';
import {
  cleanText,
  parseBase,
  parseBaseType,
  parseDisposition,
  parseScore,
  parseYesNo,
} from './values';

export type SheetContext = {
  sheetName: string;
  base: Base;
  template: IndicatorTemplate;
  /** The round's bases, for a 合并 target. */
  roundBases: readonly Base[];
};

const ID_COLUMN = COLUMNS.id.charCodeAt(0) - 65;

/** Cell text by A1 reference (column A–Z). */
function cellReader(rows: readonly string[][]): (ref: string) => string {
  return (ref) => {
    const column = ref.charCodeAt(0) - 65;
    const row = Number(ref.slice(1)) - 1;
    return rows[row]?.[column] ?? '';
  };
}

export function readBaseSheet(
  rows: readonly string[][],
  context: SheetContext,
): WorkbookSheet | WorkbookRefusal {
  const { sheetName, base, template } = context;
  const layout = sheetLayout(template);
  const cell = cellReader(rows);
  const at = (ref: string) => ({ sheet: sheetName, cell: ref });

  for (const [i, label] of HEADER.entries()) {
    const ref = `${String.fromCharCode(65 + i)}${HEADER_ROW}`;
    if (cleanText(cell(ref)) !== label)
      return refusal('layoutChanged', { ...at(ref), expected: label });
  }
  // Every indicator id in the hidden column must sit on its own row, and nowhere else.
  const expected = new Map(layout.rows.map((r) => [r.row, r]));
  for (const [index, row] of rows.entries()) {
    const id = (row[ID_COLUMN] ?? '').trim();
    const rowNumber = index + 1;
    if (rowNumber <= HEADER_ROW) continue;
    const want = expected.get(rowNumber);
    if ((want?.indicatorId ?? '') !== id) {
      return refusal('rowsMoved', {
        ...at(`${COLUMNS.id}${rowNumber}`),
        expected: want?.name ?? '',
      });
    }
  }
  for (const r of layout.rows) {
    if ((rows[r.row - 1]?.[ID_COLUMN] ?? '').trim() !== r.indicatorId) {
      return refusal('rowsMoved', { ...at(`${COLUMNS.id}${r.row}`), expected: r.name });
    }
  }
  const labels: [string, string][] = [
    [`${COLUMNS.primary}${layout.totalRow}`, TOTAL_LABEL],
    ...INPUT_KEYS.map((k): [string, string] => [
      `${LABEL_COLUMN}${layout.inputs[k]}`,
      INPUT_LABELS[k],
    ]),
  ];
  for (const [ref, label] of labels) {
    if (cleanText(cell(ref)) !== label)
      return refusal('rowsMoved', { ...at(ref), expected: label });
  }

  const scores: Record<string, number> = {};
  const comments: Record<string, string> = {};
  let missingCount = 0;
  for (const r of layout.rows) {
    const ref = `${COLUMNS.score}${r.row}`;
    const parsed = parseScore(cell(ref), r.maxPoints);
    if (parsed.kind === 'bad') return refusal('badValue', { ...at(ref), detail: parsed });
    if (parsed.kind === 'score') scores[r.indicatorId] = parsed.value;
    else missingCount += 1;
    const comment = cell(`${COLUMNS.comment}${r.row}`).trim();
    if (comment !== '') comments[r.indicatorId] = comment;
  }

  const input = (key: InputKey): { ref: string; text: string } => {
    const ref = `${INPUT_COLUMN}${layout.inputs[key]}`;
    return { ref, text: cell(ref) };
  };
  const recused = input('recusal');
  const isRecused = parseYesNo(recused.text);
  if (isRecused === 'bad') return refusal('badChoice', { ...at(recused.ref), value: recused.text });
  const confirm = input('confirm');
  const confirmed = parseYesNo(confirm.text);
  if (confirmed === 'bad') return refusal('badChoice', { ...at(confirm.ref), value: confirm.text });
  const common = {
    sheetName,
    baseId: base.id,
    templateId: template.id,
    templateVersion: template.version,
  };
  if (isRecused === true) {
    const reason = input('recusalReason');
    if (reason.text.trim() === '') return refusal('recusalReason', at(reason.ref));
    const notes = Object.keys(scores).length > 0 ? ['选择了回避，本表的得分未导入'] : [];
    return {
      ...common,
      scores: {},
      comments: {},
      overallComment: '',
      recusal: { reason: reason.text.trim() },
      status: 'draft',
      missingCount: 0,
      notes,
    };
  }

  const recommendation = readRecommendation(input, context);
  if ('code' in recommendation) return recommendation;
  const problems = recommendation.notes;
  const decided = recommendation.decision !== undefined;
  const complete = missingCount === 0 && decided && problems.length === 0;
  // A sheet marked 确认提交 = 是 that is not complete stays a draft, and says why.
  const notes =
    confirmed === true && !complete
      ? [
          ...(missingCount > 0 ? [`尚有 ${missingCount} 项未打分`] : []),
          ...(!decided && problems.length === 0 ? ['未选择处理建议'] : []),
          ...problems,
        ]
      : problems;
  return {
    ...common,
    scores,
    comments,
    overallComment: input('overall').text.trim(),
    ...(recommendation.decision ? { recommendation: recommendation.decision } : {}),
    status: confirmed === true && complete ? 'submitted' : 'draft',
    missingCount,
    notes,
  };
}

type Recommendation = { decision?: DispositionDecision; notes: string[] };

function readRecommendation(
  input: (key: InputKey) => { ref: string; text: string },
  context: SheetContext,
): Recommendation | WorkbookRefusal {
  const at = (ref: string) => ({ sheet: context.sheetName, cell: ref });
  const chosen = input('disposition');
  const code = parseDisposition(chosen.text);
  if (code === 'bad') return refusal('badChoice', { ...at(chosen.ref), value: chosen.text });
  if (code === undefined) return { notes: [] };
  const info = dispositionByCode(code);
  const name = info?.nameZh ?? code;
  const target = input('target');
  const targetText = cleanText(target.text);
  const reason = input('reason').text.trim();
  let disposition: Disposition;
  switch (code) {
    case 'include':
    case 'convert': {
      if (targetText === '' && code === 'convert')
        return { notes: [`“${name}”未填写目标基地类型`] };
      const type = targetText === '' ? context.base.type : parseBaseType(targetText);
      if (type === undefined)
        return refusal('badTarget', { ...at(target.ref), value: target.text, kind: 'type' });
      disposition = { code, targetType: type };
      break;
    }
    case 'merge': {
      if (targetText === '') return { notes: [`“${name}”未填写目标基地编号`] };
      const found = parseBase(targetText, context.roundBases);
      if (found === undefined)
        return refusal('badTarget', { ...at(target.ref), value: target.text, kind: 'base' });
      disposition = { code, targetBaseId: found.id };
      break;
    }
    default:
      disposition = { code };
  }
  const decision: DispositionDecision = { disposition, reason };
  const problems = validateDispositionDecision(decision, {
    baseType: context.base.type,
    selfBaseId: context.base.id,
    existingBaseIds: new Set(context.roundBases.map((b) => b.id)),
  });
  return { decision, notes: problems.map((p) => p.message) };
}
