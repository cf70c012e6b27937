// workbook (?bench=workbook&set=S&count=40&runs=5&warmup=1): the secretariat's batch import
// (runBatchImport, the import screen's drop zone) of `count` filled Excel scoresheet
// workbooks into a database holding the whole round's roster. The workbooks are written
// before anything is timed, by the app's own writer (writeScoresheetWorkbook) for the first
// experts of each panel in turn, then "typed into" as a spreadsheet program saves them: every
// score cell of every base sheet given a number on the 0.5 step, 确认提交 = 是.
import { Dexie } from 'dexie';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { openBundle } from '../../shared/bundle/bundle';
import type { RoundPayload } from '../../shared/bundle/payload';
import type { Expert } from '../../shared/domain/types';
import { plannedSheets, sheetLayout, writeScoresheetWorkbook } from '../../shared/workbook';
import type { PlannedSheet, WorkbookExportInput } from '../../shared/workbook';
import { loadBenchSet } from './benchData';
import type { BenchFile } from './benchData';
import { batchImport } from './batchRun';
import { freshDatabase, putRoster } from './importRuns';
import { collectGarbage } from './memory';

export const WORKBOOK_LABEL =
  'runBatchImport of filled scoresheet workbooks (prepare all, then commit each; default selection)';

const DB_NAME = 'pinggu-bench-workbook';
const EXPORTED_AT = '2024-05-10T09:00:00.000Z';

const progress = (text: string): void => console.info(`[bench] ${text}`);

async function roster(rounds: readonly BenchFile[]): Promise<RoundPayload[]> {
  const payloads: RoundPayload[] = [];
  for (const file of rounds) {
    const opened = await openBundle(file.bytes, { crypto, expectedKinds: ['round'] });
    if (!opened.ok || opened.kind !== 'round') throw new Error(`${file.name}: not a round bundle`);
    payloads.push(opened.payload);
  }
  return payloads;
}

/** `count` experts: the first of each panel, then the second of each, and so on. */
function pickExperts(payloads: readonly RoundPayload[], count: number): [RoundPayload, Expert][] {
  const byPanel = payloads.map((p) => [...p.experts].sort((a, b) => (a.id < b.id ? -1 : 1)));
  const picked: [RoundPayload, Expert][] = [];
  for (let k = 0; picked.length < count; k += 1) {
    const before = picked.length;
    byPanel.forEach((experts, i) => {
      const expert = experts[k];
      const payload = payloads[i];
      if (expert && payload && picked.length < count) picked.push([payload, expert]);
    });
    if (picked.length === before) throw new Error(`the round has fewer than ${count} experts`);
  }
  return picked;
}

/** Sets cells of one sheet's XML part the way a spreadsheet program saves a typed value. */
function typeCells(xml: string, cells: ReadonlyMap<string, number | string>): string {
  return xml.replace(
    /<c r="([A-Z]+\d+)"( s="\d+")?(?: t="[a-zA-Z]+")?(?:\/>|>.*?<\/c>)/gu,
    (m, ref: string, style = '') => {
      const value = cells.get(ref);
      if (value === undefined) return m;
      return typeof value === 'number'
        ? `<c r="${ref}"${style}><v>${value}</v></c>`
        : `<c r="${ref}"${style} t="inlineStr"><is><t>${value}</t></is></c>`;
    },
  );
}

/** Every score of every sheet filled (on the 0.5 step, at most 满分) and 确认提交 = 是. */
function fill(bytes: Uint8Array, planned: readonly PlannedSheet[], seed: number): Uint8Array {
  const files = unzipSync(bytes);
  planned.forEach(({ template }, i) => {
    const part = `xl/worksheets/sheet${i + 2}.xml`;
    const data = files[part];
    if (data === undefined) throw new Error(`no part ${part}`);
    const layout = sheetLayout(template);
    const cells = new Map<string, number | string>();
    for (const [j, row] of layout.rows.entries()) {
      const steps = Math.floor(row.maxPoints * 2);
      cells.set(`D${row.row}`, ((seed + i + j) % (steps + 1)) / 2);
    }
    cells.set(`B${layout.inputs.confirm}`, '是');
    files[part] = strToU8(typeCells(strFromU8(data), cells));
  });
  return zipSync(files);
}

/** The filled workbooks and the sheets they hold. */
async function filledWorkbooks(payloads: readonly RoundPayload[], count: number) {
  const files: BenchFile[] = [];
  let sheets = 0;
  for (const [n, [payload, expert]] of pickExperts(payloads, count).entries()) {
    const input: WorkbookExportInput = {
      round: payload.round,
      expert,
      bases: payload.bases,
      templates: payload.templates,
      assignments: payload.assignments,
      exportedAt: EXPORTED_AT,
    };
    const planned = plannedSheets(input);
    const bytes = fill(await writeScoresheetWorkbook(input, crypto), planned, n);
    files.push({ name: `评分表-${expert.id}.xlsx`, bytes });
    sheets += planned.length;
  }
  return { files, sheets };
}

const intParam = (params: URLSearchParams, name: string, fallback: number): number => {
  const value = Number(params.get(name) ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`bad ${name}: ${params.get(name)}`);
  return value;
};

export async function workbookBench(params: URLSearchParams) {
  const set = params.get('set') ?? '';
  const count = intParam(params, 'count', 40);
  const warmup = intParam(params, 'warmup', 1);
  const iterations = warmup + intParam(params, 'runs', 5);
  const data = await loadBenchSet(set);
  const payloads = await roster(data.rounds);
  const { files, sheets } = await filledWorkbooks(payloads, count);
  const bytes = files.reduce((n, f) => n + f.bytes.length, 0);
  const ms: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const db = await freshDatabase(DB_NAME);
    await putRoster(db, data.rounds);
    collectGarbage();
    const start = performance.now();
    const added = await batchImport(db, files, data.index.roundId);
    ms.push(performance.now() - start);
    progress(`workbook ${i + 1}/${iterations}: ${Math.round(ms[i] ?? 0)} ms`);
    if (added !== sheets) throw new Error(`workbook: ${added} sheets added, expected ${sheets}`);
    db.close();
  }
  await Dexie.delete(DB_NAME);
  return {
    name: 'workbook',
    warmup,
    label: WORKBOOK_LABEL,
    count,
    bases: data.index.bases,
    sheets,
    bytes,
    ms,
  };
}
