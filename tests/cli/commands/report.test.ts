import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPORT_COLUMNS } from '../../../cli/reportRows';
import type { ResultPayload } from '../../../shared/bundle/payload';
import { refSampleSd, referenceResults, type RefMethod } from '../../helpers/aggregationReference';
import { hasStackTrace, lines, openFile, runCli, writeDemo } from '../../helpers/cli';
import type { DemoFiles } from '../../helpers/cli';
import { loadWithExcelJs } from '../../helpers/xlsxBuilders';

// Regional panels: panels 3 and 4 stop mid-way, so some bases have no valid sheet yet.
const DEMO_ARGS = ['--seed', '3', '--bases', '40'];
const FIELDS = [
  'id',
  'name',
  'type',
  'city',
  'sheets',
  'voidedSheets',
  'mean',
  'median',
  'trimmedMean',
  'zscoreMean',
  'aggregate',
  'grade',
  'rankInType',
  'sd',
  'range',
  'disagreement',
];

let demo: DemoFiles;
let payload: ResultPayload;
beforeAll(async () => {
  demo = await writeDemo(DEMO_ARGS);
  await runCli(['merge', '--out', 'result.pgb', ...demo.all], { cwd: demo.dir });
  const bundle = await openFile(path.join(demo.dir, 'result.pgb'));
  if (bundle.kind !== 'result') throw new Error('expected a result bundle');
  payload = bundle.payload;
});

type Row = Record<string, unknown>;

const report = async (
  args: string[] = [],
): Promise<{ round: string; method: string; bases: Row[] }> => {
  const result = await runCli(['report', 'result.pgb', ...args], { cwd: demo.dir });
  expect(result.code, result.stderr).toBe(0);
  expect(lines(result.stdout)).toHaveLength(1);
  return JSON.parse(result.stdout);
};

const GRADE_ZH: Readonly<Record<string, string>> = {
  excellent: '优秀',
  good: '良好',
  pass: '合格',
  fail: '不合格',
};

/**
 * What the README's definitions give (tests/helpers/aggregationReference.ts, independent of
 * shared/domain), in the report's base order.
 */
function expectedRows(bases: Row[], method?: RefMethod): Row[] {
  const byId = new Map(payload.bases.map((b) => [b.id, b]));
  const ordered = bases.map((row) => byId.get(String(row.id))).filter((b) => b !== undefined);
  return referenceResults(payload.round, ordered, payload.scoresheets, method).map((r) => ({
    id: r.base.id,
    name: r.base.name,
    type: r.base.type,
    city: r.base.city,
    sheets: r.sheets,
    voidedSheets: 0,
    mean: r.byMethod.mean,
    median: r.byMethod.median,
    trimmedMean: r.byMethod.trimmedMean,
    zscoreMean: r.byMethod.zScore,
    aggregate: r.value,
    grade: r.grade === null ? null : (GRADE_ZH[r.grade] ?? r.grade),
    rankInType: r.rankInType,
    sd: refSampleSd(r.totals),
    range: r.range,
    disagreement: r.sheets > 0 ? r.isDisagreement : null,
  }));
}

/** Rows equal field by field, numbers up to float noise (1e-9). */
function expectSameRows(actual: Row[], expected: Row[]): void {
  expect(actual.map((row) => row.id)).toEqual(expected.map((row) => row.id));
  expected.forEach((want, index) => {
    const got = actual[index] ?? {};
    for (const field of FIELDS) {
      const [a, b] = [got[field], want[field]];
      const what = `${String(want.id)} ${field}: ${String(a)} vs ${String(b)}`;
      if (typeof b === 'number') {
        expect(typeof a, what).toBe('number');
        expect(Math.abs(Number(a) - b), what).toBeLessThan(1e-9);
      } else {
        expect(a, what).toEqual(b);
      }
    }
  });
}

describe('pinggu report --format json', () => {
  it('prints one JSON object { round, status, …, method, bases } whose rows have exactly the specified fields', async () => {
    const json = await report();
    expect(Object.keys(json)).toEqual([
      'round',
      'status',
      'closedAt',
      'version',
      'keysVerified',
      'method',
      'bases',
    ]);
    expect(json.round).toBe(payload.round.id);
    expect(json.method).toBe('trimmed');
    expect(json.bases).toHaveLength(payload.bases.length);
    for (const row of json.bases) expect(Object.keys(row)).toEqual(FIELDS);
    const types = json.bases.map((row) => String(row.type));
    expect(types.every((t) => /^(A1|B[1-5]|C[1-3])$/.test(t))).toBe(true);
    expect(types).toEqual([...types].sort());
  });

  it('gives the values the README’s definitions give under the round’s rule', async () => {
    const json = await report();
    expectSameRows(json.bases, expectedRows(json.bases));
    const grades = new Set(json.bases.map((row) => row.grade));
    for (const grade of grades) expect([null, '优秀', '良好', '合格', '不合格']).toContain(grade);
  });

  it.each([
    ['mean', 'mean'],
    ['median', 'median'],
    ['trimmed', 'trimmedMean'],
    ['zscore', 'zScore'],
  ] as const)('--method %s aggregates and ranks by %s', async (option, method) => {
    const json = await report(['--method', option]);
    expect(json.method).toBe(option);
    expectSameRows(json.bases, expectedRows(json.bases, method));
  });

  it('has null in every computed field of a base without a valid sheet', async () => {
    const json = await report();
    const empty = json.bases.filter((row) => row.sheets === 0);
    expect(empty.length).toBeGreaterThan(0);
    for (const row of empty) {
      for (const field of FIELDS.slice(6)) expect(row[field], field).toBeNull();
    }
  });
});

describe('pinggu report --format csv and xlsx', () => {
  it('prints UTF-8 CSV with a BOM, a Chinese header and one row per base', async () => {
    const json = await report();
    const result = await runCli(['report', 'result.pgb', '--format', 'csv'], { cwd: demo.dir });
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('\uFEFF基地ID,基地名称,类型,城市,有效评分表,')).toBe(true);
    const rows = result.stdout
      .slice(1)
      .split('\r\n')
      .filter((l) => l !== '');
    expect(rows).toHaveLength(json.bases.length + 1);
    const [first] = json.bases;
    const cells = rows[1]?.split(',') ?? [];
    expect(cells.slice(0, 5)).toEqual([
      first?.id,
      first?.name,
      first?.type,
      first?.city,
      String(first?.sheets),
    ]);
    expect(Number(cells[9])).toBeCloseTo(Number(first?.aggregate), 2);
  });

  it('writes CSV to --out', async () => {
    const result = await runCli(['report', 'result.pgb', '--format', 'csv', '--out', 'r.csv'], {
      cwd: demo.dir,
    });
    expect(result.stdout).toMatch(/^wrote r\.csv: \d+ bases of round /);
    const text = await readFile(path.join(demo.dir, 'r.csv'), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
  });

  it('writes an xlsx workbook that exceljs reads back with the same numbers', async () => {
    const json = await report(['--method', 'zscore']);
    const result = await runCli(
      ['report', 'result.pgb', '--format', 'xlsx', '--method', 'zscore', '--out', 'out/r.xlsx'],
      { cwd: demo.dir },
    );
    expect(result.code, result.stderr).toBe(0);
    const workbook = await loadWithExcelJs(await readFile(path.join(demo.dir, 'out/r.xlsx')));
    const sheet = workbook.getWorksheet('评估结果');
    if (!sheet) throw new Error('sheet 评估结果 missing');
    expect(sheet.rowCount).toBe(json.bases.length + 1);
    const header = REPORT_COLUMNS.map((_, i) => sheet.getRow(1).getCell(i + 1).value);
    expect(header).toEqual(REPORT_COLUMNS.map((c) => c.header));
    json.bases.forEach((row, i) => {
      const cells = sheet.getRow(i + 2);
      expect(cells.getCell(1).value).toBe(row.id);
      expect(cells.getCell(10).value).toBe(row.aggregate);
      expect(cells.getCell(11).value).toBe(row.grade);
    });
    expect(workbook.getWorksheet('说明')?.getRow(2).getCell(2).value).toBe(payload.round.id);
  });
});

describe('pinggu report refuses what it cannot use', () => {
  it.each([
    [['report'], 'pinggu report: no FILE given'],
    [
      ['report', 'result.pgb', '--format', 'xlsx'],
      'pinggu report: --format xlsx needs --out FILE.xlsx',
    ],
    [
      ['report', 'result.pgb', '--format', 'pdf'],
      'pinggu report: --format must be one of json, csv, xlsx (got "pdf")',
    ],
    [
      ['report', 'result.pgb', '--method', 'best'],
      'pinggu report: --method must be one of mean, median, trimmed, zscore (got "best")',
    ],
    [['report', 'a.pgb', 'b.pgb'], 'pinggu report: one FILE only (also got "b.pgb")'],
  ])('%j: usage error, exit 1', async (argv, message) => {
    const result = await runCli(argv, { cwd: demo.dir });
    expect(result.code).toBe(1);
    expect(lines(result.stderr)[0]).toBe(message);
    expect(result.stderr).toContain('Usage: pinggu report');
  });

  it('says a round bundle is not a result bundle: one line, exit 2', async () => {
    const result = await runCli(['report', path.relative(demo.dir, demo.rounds[0] ?? '')], {
      cwd: demo.dir,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'pinggu: demo/round-panel-1.pgb: This is a round bundle; a result bundle is needed here.\n',
    );
    expect(hasStackTrace(result.stderr)).toBe(false);
  });
});
