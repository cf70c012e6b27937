// A small round for the scoresheet workbook tests (fixed ids, so expectations read by hand),
// and "typing" into a workbook's bytes the way a spreadsheet program saves a cell: the value
// put into the cell's XML part (a number, or text as an inline string), everything else
// left as written.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { PingguDatabase } from '../../renderer/db/database';
import { builtinTemplateForType } from '../../shared/domain/templates';
import type {
  Assignment,
  Base,
  Expert,
  IndicatorTemplate,
  Panel,
  Round,
} from '../../shared/domain/types';
import type { WorkbookExportInput, WorkbookRoundContext } from '../../shared/workbook';
import { buildAssignment, buildBase, buildExpert, buildPanel, buildRound } from './builders';

export const EXPORTED_AT = '2024-05-10T09:00:00.000Z';

export type WorkbookRound = {
  round: Round;
  panel: Panel;
  expert: Expert;
  other: Expert;
  /** LN-A1-001 and LN-B1-002 assigned to `expert`; LN-A1-003 assigned but recused. */
  bases: Base[];
  templates: IndicatorTemplate[];
  assignments: Assignment[];
  input: WorkbookExportInput;
  context: WorkbookRoundContext;
};

export function workbookRound(roundId = 'round-wb'): WorkbookRound {
  const round = buildRound({ id: roundId, name: '2024年度定期评估' });
  const panel = buildPanel(round.id, { id: 'panel-wb', name: '沈阳一组' });
  const expert = buildExpert(round.id, panel.id, { id: 'expert-wb', name: '张三' });
  const other = buildExpert(round.id, panel.id, { id: 'expert-other', name: '李四' });
  const bases = [
    buildBase(round.id, { id: 'base-a', code: 'LN-A1-001', panelId: panel.id }),
    buildBase(round.id, {
      id: 'base-b',
      code: 'LN-B1-002',
      name: '辽宁省智能制造工程研究中心',
      type: 'B1',
      legacyType: 'engineeringResearchCenter',
      panelId: panel.id,
    }),
    buildBase(round.id, { id: 'base-c', code: 'LN-A1-003', panelId: panel.id }),
  ];
  const [a, b, c] = bases;
  if (!a || !b || !c) throw new Error('bases');
  const assignments = [
    buildAssignment(a, expert, { id: 'as-1' }),
    buildAssignment(b, expert, { id: 'as-2' }),
    buildAssignment(c, expert, {
      id: 'as-3',
      recusal: { reason: '本单位基地', source: 'institution', at: EXPORTED_AT },
    }),
    buildAssignment(a, other, { id: 'as-4' }),
  ];
  const templates = [builtinTemplateForType('A1'), builtinTemplateForType('B1')];
  const input: WorkbookExportInput = {
    round,
    expert,
    bases,
    templates,
    assignments,
    exportedAt: EXPORTED_AT,
    panelName: panel.name,
  };
  const context: WorkbookRoundContext = { round, bases, templates, experts: [expert, other] };
  return { round, panel, expert, other, bases, templates, assignments, input, context };
}

export type CellValue = number | string | null;

/** The part of each sheet, by sheet name (sheets are written as sheet1.xml… in order). */
function sheetParts(files: Record<string, Uint8Array>): Map<string, string> {
  const workbook = strFromU8(files['xl/workbook.xml'] ?? new Uint8Array());
  const names = [...workbook.matchAll(/<sheet name="([^"]*)"/gu)].map((m) => m[1] ?? '');
  return new Map(
    names.map((name, i) => [name.replace(/&amp;/gu, '&'), `xl/worksheets/sheet${i + 1}.xml`]),
  );
}

const escape = (text: string): string =>
  text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

function cellXml(ref: string, style: string, value: CellValue): string {
  if (value === null) return `<c r="${ref}"${style}/>`;
  if (typeof value === 'number') return `<c r="${ref}"${style}><v>${value}</v></c>`;
  return `<c r="${ref}"${style} t="inlineStr"><is><t>${escape(value)}</t></is></c>`;
}

/**
 * Sets cells of the named sheets: `{ 'LN-A1-001': { D5: 7.5, B16: '是' } }`. The cell must
 * exist in the part (every input cell is written, styled, even when empty).
 */
export function typeInto(
  bytes: Uint8Array,
  edits: Record<string, Record<string, CellValue>>,
): Uint8Array {
  const files = unzipSync(bytes);
  const parts = sheetParts(files);
  for (const [sheet, cells] of Object.entries(edits)) {
    const part = parts.get(sheet);
    const data = part === undefined ? undefined : files[part];
    if (part === undefined || data === undefined) throw new Error(`no sheet ${sheet}`);
    let xml = strFromU8(data);
    for (const [ref, value] of Object.entries(cells)) {
      const pattern = new RegExp(
        `<c r="${ref}"( s="\\d+")?(?: t="[a-zA-Z]+")?(?:/>|>.*?</c>)`,
        'u',
      );
      const match = pattern.exec(xml);
      if (!match) throw new Error(`no cell ${sheet}!${ref}`);
      xml = xml.replace(pattern, cellXml(ref, match[1] ?? '', value));
    }
    files[part] = strToU8(xml);
  }
  return zipSync(files);
}

/** The XML of a part, for edits a test makes by hand. */
export function editPart(
  bytes: Uint8Array,
  part: string,
  edit: (xml: string) => string,
): Uint8Array {
  const files = unzipSync(bytes);
  const data = files[part];
  if (data === undefined) throw new Error(`no part ${part}`);
  files[part] = strToU8(edit(strFromU8(data)));
  return zipSync(files);
}

/** The part holding a sheet, by name. */
export function partOf(bytes: Uint8Array, sheet: string): string {
  const part = sheetParts(unzipSync(bytes)).get(sheet);
  if (part === undefined) throw new Error(`no sheet ${sheet}`);
  return part;
}

const objectOf = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? Object.fromEntries(Object.entries(value)) : {};

/** exceljs's sheet protection of a worksheet (its typings leave the property out). */
export const protectionOf = (sheet: object): Record<string, unknown> =>
  objectOf(Reflect.get(sheet, 'sheetProtection'));

/** exceljs's data validations of a worksheet by cell, e.g. { D5: { type: 'custom', … } }. */
export const validationsOf = (sheet: object): Record<string, unknown> =>
  objectOf(objectOf(Reflect.get(sheet, 'dataValidations')).model);

/** Test setup only: the workbook round written straight into a database, as issued. */
export async function putWorkbookRound(db: PingguDatabase, setup: WorkbookRound): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await db.rounds.add({ ...setup.round, status: 'issued' });
    await db.templates.bulkPut(setup.templates);
    await db.panels.add(setup.panel);
    await db.experts.bulkAdd([setup.expert, setup.other]);
    await db.bases.bulkAdd(setup.bases);
    await db.assignments.bulkAdd(setup.assignments);
  });
}
