import { createHash } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKeyPair } from '../../../shared/bundle/bundleCrypto';
import { canonicalJson } from '../../../shared/bundle/canonicalJson';
import type { RoundChange, Scoresheet } from '../../../shared/domain/types';
import { writeRoundBundle } from '../../helpers/cliTrust';
import { hasStackTrace, lines, openFile, runCli, tempDir, writeDemo } from '../../helpers/cli';
import type { DemoFiles } from '../../helpers/cli';
import { typeInto } from '../../helpers/workbookBuilders';
import type { CellValue } from '../../helpers/workbookBuilders';

const DEMO_ARGS = ['--seed', '5', '--bases', '20', '--panels', '2'];
// Panel 1's first expert: 10 bases assigned, none recused; LN-A1-001 is the first sheet.
const EXPERT = 'demo-5-2023-expert-1-1';
const BASE = 'demo-5-2023-base-LN-A1-001';
const SHEET = 'LN-A1-001';
// Built-in A1 template: its 9 secondary indicators on rows 5–13; 确认提交 in B22.
const A1_SCORES: Record<string, CellValue> = {
  D5: 8,
  D6: 12.5,
  D7: 20,
  D8: 9,
  D9: 8.5,
  D10: 7,
  D11: 6,
  D12: 5,
  D13: 6.5,
};
// 8 + 12.5 + 20 + 9 + 8.5 + 7 + 6 + 5 + 6.5
const A1_TOTAL = 82.5;

let demo: DemoFiles;
let blank: Uint8Array;
beforeAll(async () => {
  demo = await writeDemo(DEMO_ARGS);
  const written = await runCli(
    ['workbook', demo.rounds[0] ?? '', '--expert', EXPERT, '--out', 'blank.xlsx'],
    { cwd: demo.dir },
  );
  if (written.code !== 0) throw new Error(written.stderr);
  blank = new Uint8Array(await readFile(path.join(demo.dir, 'blank.xlsx')));
});

const exists = (file: string): Promise<boolean> =>
  stat(file).then(
    () => true,
    () => false,
  );

async function filled(name: string, cells: Record<string, CellValue>): Promise<string> {
  const file = path.join(demo.dir, name);
  await writeFile(file, typeInto(blank, { [SHEET]: cells }));
  return file;
}

async function resultSheets(file: string): Promise<Scoresheet[]> {
  const bundle = await openFile(file);
  if (bundle.kind !== 'result') throw new Error('expected a result bundle');
  return bundle.payload.scoresheets;
}

const sum = (scores: Record<string, number>): number =>
  Object.values(scores).reduce((a, b) => a + b, 0);

describe('pinggu merge with filled Excel scoresheet workbooks', () => {
  it("takes the workbook's sheets as device excel:<16 hex> with the scores typed", async () => {
    const workbook = await filled('filled.xlsx', { ...A1_SCORES, B22: '是' });
    const sha = createHash('sha256')
      .update(await readFile(workbook))
      .digest('hex');
    const home = await tempDir();
    const result = await runCli(['merge', '--out', 'result.pgb', ...demo.rounds, workbook], {
      cwd: demo.dir,
      env: { PINGGU_HOME: home },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(lines(result.stdout)[0]).toBe('sheets: 10, conflicts: 0, refused files: 0');
    expect(lines(result.stdout)[1]).toMatch(
      /^wrote result\.pgb: result bundle of round demo-5-2023, 20 bases, 10 sheets from 0 score bundles, 1 workbook and 2 round bundles, signed with key /,
    );
    const sheets = await resultSheets(path.join(demo.dir, 'result.pgb'));
    expect(sheets).toHaveLength(10);
    const device = `excel:${sha.slice(0, 16)}`;
    expect(sheets.every((s) => s.expertId === EXPERT && s.deviceId === device)).toBe(true);
    expect(sheets.every((s) => canonicalJson(s.versions) === canonicalJson({ [device]: 1 }))).toBe(
      true,
    );
    const scored = sheets.find((s) => s.baseId === BASE);
    expect(Object.values(scored?.scores ?? {}).sort((a, b) => a - b)).toEqual([
      5, 6, 6.5, 7, 8, 8.5, 9, 12.5, 20,
    ]);
    expect(sum(scored?.scores ?? {})).toBe(A1_TOTAL);
    // The other nine were left blank: drafts without a score.
    const others = sheets.filter((s) => s.baseId !== BASE);
    expect(others.every((s) => s.status === 'draft' && sum(s.scores) === 0)).toBe(true);
  });

  it('merges the same workbook given twice exactly as once', async () => {
    const workbook = await filled('twice.xlsx', A1_SCORES);
    const once = await runCli(['merge', '--out', 'once.pgb', ...demo.rounds, workbook], {
      cwd: demo.dir,
    });
    const twice = await runCli(
      ['merge', '--out', 'twice.pgb', ...demo.rounds, workbook, workbook],
      { cwd: demo.dir },
    );
    expect(once.code, once.stderr).toBe(0);
    expect(twice.code, twice.stderr).toBe(0);
    expect(lines(twice.stdout)[0]).toBe('sheets: 10, conflicts: 0, refused files: 0');
    const [a, b] = await Promise.all(
      ['once.pgb', 'twice.pgb'].map((f) => resultSheets(path.join(demo.dir, f))),
    );
    expect(canonicalJson(b)).toBe(canonicalJson(a));
  });

  it("counts the app's copies and the workbook's as concurrent: a differing sheet is a conflict", async () => {
    const workbook = await filled('concurrent.xlsx', A1_SCORES);
    const result = await runCli(
      ['merge', '--out', 'both.pgb', ...demo.rounds, demo.scores[0] ?? '', workbook],
      { cwd: demo.dir },
    );
    expect(result.code, result.stderr).toBe(0);
    const conflicts = lines(result.stdout).filter((l) => l.startsWith('CONFLICT '));
    // The demo scored every one of the expert's 10 bases in the app; each workbook sheet
    // (9 blank, 1 typed) differs from its app copy.
    expect(conflicts).toHaveLength(10);
    expect(conflicts.every((l) => l.includes(`expert ${EXPERT}`))).toBe(true);
  });

  it.each([
    ['a value off the 0.5 step', { D5: 7.3 }, /LN-A1-001/],
    ['a value above 满分', { D7: 99 }, /LN-A1-001/],
  ])(
    'refuses a workbook with %s, naming the cell: exit 2, nothing written',
    async (_w, cells, m) => {
      const workbook = await filled('bad.xlsx', { ...A1_SCORES, ...cells });
      const result = await runCli(['merge', '--out', 'refused.pgb', ...demo.rounds, workbook], {
        cwd: demo.dir,
      });
      expect(result.code).toBe(2);
      const refusal = lines(result.stdout).find((l) => l.startsWith('REFUSED '));
      expect(refusal).toMatch(m);
      expect(refusal).toMatch(/^REFUSED .*bad\.xlsx: /);
      expect(lines(result.stderr).at(-1)).toBe('merge: 1 file refused; nothing written');
      expect(hasStackTrace(result.stderr)).toBe(false);
      expect(await exists(path.join(demo.dir, 'refused.pgb'))).toBe(false);
    },
  );

  it('refuses the workbook of another round: exit 2, nothing written', async () => {
    const other = await writeDemo(['--seed', '6', '--bases', '20', '--panels', '2']);
    const written = await runCli(
      ['workbook', other.rounds[0] ?? '', '--expert', 'demo-6-2023-expert-1-1', '--out', 'o.xlsx'],
      { cwd: demo.dir },
    );
    expect(written.code, written.stderr).toBe(0);
    const result = await runCli(['merge', '--out', 'refused.pgb', ...demo.rounds, 'o.xlsx'], {
      cwd: demo.dir,
    });
    expect(result.code).toBe(2);
    expect(lines(result.stdout)[0]).toMatch(/^REFUSED o\.xlsx: .*round/);
    expect(await exists(path.join(demo.dir, 'refused.pgb'))).toBe(false);
  });

  it('refuses a file named .xlsx that is not a workbook, with the rest of the merge', async () => {
    await writeFile(path.join(demo.dir, 'notes.xlsx'), 'plain text');
    const result = await runCli(
      ['merge', '--out', 'refused.pgb', ...demo.rounds, ...demo.scores, 'notes.xlsx'],
      { cwd: demo.dir },
    );
    expect(result.code).toBe(2);
    expect(lines(result.stdout)[0]).toMatch(/^REFUSED notes\.xlsx: .+/);
    expect(await exists(path.join(demo.dir, 'refused.pgb'))).toBe(false);
  });

  it('carries the sheet of a pair a change voided as voided; refuses it once the change is undone', async () => {
    const conflictRound = await reissuedRoundOne('round-1-conflict.pgb', false);
    const workbook = await filled('recused.xlsx', A1_SCORES);
    const files = [conflictRound, demo.rounds[1] ?? '', workbook];
    const voided = await runCli(['merge', '--out', 'voided.pgb', ...files], { cwd: demo.dir });
    expect(voided.code, voided.stdout + voided.stderr).toBe(0);
    const sheets = await resultSheets(path.join(demo.dir, 'voided.pgb'));
    const sheet = sheets.find((s) => s.baseId === BASE);
    expect(sum(sheet?.scores ?? {})).toBe(A1_TOTAL);
    expect(lines(voided.stderr)).toContain(
      `merge: ${workbook}: scoresheet "${sheet?.id ?? ''}" (expert ${EXPERT}, base ${BASE}) is ` +
        'voided by round change "change-wb-1" (declareConflict): carried in the result, never counted',
    );

    const undoneRound = await reissuedRoundOne('round-1-undone.pgb', true);
    const refused = await runCli(
      ['merge', '--out', 'undone.pgb', undoneRound, demo.rounds[1] ?? '', workbook],
      { cwd: demo.dir },
    );
    expect(refused.code).toBe(2);
    expect(lines(refused.stdout)[0]).toBe(
      `REFUSED ${workbook}: scoresheet "${sheet?.id ?? ''}" scores a base its expert is recused from`,
    );
    expect(await exists(path.join(demo.dir, 'undone.pgb'))).toBe(false);
  });
});

const AT = '2024-05-20T09:00:00.000Z';

/**
 * Panel 1's round bundle re-issued after a conflict of interest declared on (EXPERT, BASE):
 * the assignment recused, and the change standing or (undone) withdrawn.
 */
async function reissuedRoundOne(name: string, undone: boolean): Promise<string> {
  const round = await openFile(demo.rounds[0] ?? '');
  if (round.kind !== 'round') throw new Error('expected a round bundle');
  const change: RoundChange = {
    id: 'change-wb-1',
    roundId: round.manifest.roundId,
    kind: 'declareConflict',
    at: AT,
    actor: '秘书处 王芳',
    reason: '评分开始后发现专家曾在该基地兼职',
    expertId: EXPERT,
    baseId: BASE,
    voids: [{ expertId: EXPERT, baseId: BASE }],
    ...(undone ? { undone: { at: AT, actor: '秘书处 王芳', reason: '核实后无利益关系' } } : {}),
  };
  const assignments = round.payload.assignments.map((a) =>
    a.expertId === EXPERT && a.baseId === BASE
      ? { ...a, recusal: { reason: change.reason, source: 'declared' as const, at: AT } }
      : a,
  );
  return writeRoundBundle(
    path.join(demo.dir, name),
    { roundId: round.manifest.roundId, panelId: round.manifest.panelId },
    { ...round.payload, assignments, changes: [change] },
    {
      deviceId: 'secretariat-reissue',
      createdAt: AT,
      signer: await generateSigningKeyPair(globalThis.crypto),
    },
  );
}
