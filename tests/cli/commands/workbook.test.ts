import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBundle } from '../../../shared/bundle/bundle';
import { generateSigningKeyPair } from '../../../shared/bundle/bundleCrypto';
import { generateDemoRound } from '../../../shared/demo/demoRound';
import { readScoresheetWorkbook } from '../../../shared/workbook';
import { CLI_NOW, hasStackTrace, lines, openFile, runCli, writeDemo } from '../../helpers/cli';
import type { DemoFiles } from '../../helpers/cli';

const DEMO_ARGS = ['--seed', '5', '--bases', '20', '--panels', '2'];
const demoRound = generateDemoRound({ seed: 5, baseCount: 20, panelCount: 2 });
// Panel 1's first expert: assigned 10 bases of the 20, recused from none.
const EXPERT = 'demo-5-2023-expert-1-1';
const EXPERT_NAME = '邹秋林';
const SHEETS = [
  'LN-A1-001',
  'LN-A1-013',
  'LN-A1-025',
  'LN-B1-001',
  'LN-B1-007',
  'LN-B1-019',
  'LN-B4-005',
  'LN-B5-007',
  'LN-B5-013',
  'LN-C2-003',
];

let demo: DemoFiles;
let roundFile: string;
beforeAll(async () => {
  demo = await writeDemo(DEMO_ARGS);
  roundFile = demo.rounds[0] ?? '';
});

const exists = (file: string): Promise<boolean> =>
  stat(file).then(
    () => true,
    () => false,
  );

const context = {
  round: demoRound.round,
  bases: demoRound.bases,
  templates: demoRound.templates,
  experts: demoRound.experts,
};

describe('pinggu workbook', () => {
  it("writes the expert's workbook, which our reader takes back with one sheet per assigned base", async () => {
    const result = await runCli(['workbook', roundFile, '--expert', EXPERT, '--out', 'zou.xlsx'], {
      cwd: demo.dir,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      `wrote zou.xlsx: scoresheet workbook of expert ${EXPERT} (${EXPERT_NAME}), ` +
        'round demo-5-2023, 10 base sheets\n',
    );
    const bytes = new Uint8Array(await readFile(path.join(demo.dir, 'zou.xlsx')));
    const read = await readScoresheetWorkbook(bytes, context, { crypto: globalThis.crypto });
    if (!read.ok) throw new Error(read.refusal.messageEn);
    expect(read.identity.expertId).toBe(EXPERT);
    expect(read.identity.roundId).toBe('demo-5-2023');
    expect(read.identity.exportedAt).toBe(CLI_NOW);
    expect(read.sheets.map((s) => s.sheetName)).toEqual(SHEETS);
    // Nothing typed yet: every sheet a draft with every score missing (A1: 9 indicators).
    expect(read.sheets.every((s) => s.status === 'draft')).toBe(true);
    expect(read.sheets[0]?.missingCount).toBe(9);
  });

  it('finds the expert by name too, and writes the same bytes as by id', async () => {
    const byName = await runCli(
      ['workbook', roundFile, '--expert', EXPERT_NAME, '--out', 'by-name.xlsx'],
      { cwd: demo.dir },
    );
    const byId = await runCli(['workbook', roundFile, '--expert', EXPERT, '--out', 'by-id.xlsx'], {
      cwd: demo.dir,
    });
    expect(byName.code).toBe(0);
    expect(byId.code).toBe(0);
    const [a, b] = await Promise.all(
      ['by-name.xlsx', 'by-id.xlsx'].map((f) => readFile(path.join(demo.dir, f))),
    );
    expect(a?.equals(b ?? Buffer.alloc(0))).toBe(true);
  });

  it('opens an encrypted round bundle with PINGGU_PASSPHRASE, and refuses it without', async () => {
    const opened = await openFile(roundFile);
    if (opened.kind !== 'round') throw new Error('expected a round bundle');
    const bytes = await createBundle({
      kind: 'round',
      roundId: opened.manifest.roundId,
      panelId: opened.manifest.panelId,
      deviceId: 'secretariat',
      appVersion: '0.1.0',
      createdAt: CLI_NOW,
      signer: await generateSigningKeyPair(globalThis.crypto),
      passphrase: '口令',
      crypto: globalThis.crypto,
      payload: opened.payload,
    });
    await writeFile(path.join(demo.dir, 'sealed.pgb'), bytes);
    const argv = ['workbook', 'sealed.pgb', '--expert', EXPERT, '--out', 'sealed.xlsx'];
    const without = await runCli(argv, { cwd: demo.dir });
    expect(without.code).toBe(2);
    expect(without.stderr).toMatch(/^pinggu: sealed\.pgb: This bundle is encrypted/);
    expect(await exists(path.join(demo.dir, 'sealed.xlsx'))).toBe(false);
    const withPass = await runCli(argv, { cwd: demo.dir, env: { PINGGU_PASSPHRASE: '口令' } });
    expect(withPass.code, withPass.stderr).toBe(0);
    expect(await exists(path.join(demo.dir, 'sealed.xlsx'))).toBe(true);
  });

  it.each([
    [
      'an unknown expert',
      () => [roundFile, '--expert', 'nobody'],
      /^pinggu: .*round-panel-1\.pgb lists no expert with the id or name "nobody"\n$/,
    ],
    [
      'an expert of another panel than the bundle’s',
      () => [roundFile, '--expert', 'demo-5-2023-expert-2-1'],
      /lists no expert with the id or name "demo-5-2023-expert-2-1"/,
    ],
    [
      'a score bundle',
      () => [demo.scores[0] ?? '', '--expert', EXPERT],
      /^pinggu: .*scores-panel-1\.pgb: .*round/,
    ],
    ['a file that is no bundle', () => ['notes.txt', '--expert', EXPERT], /^pinggu: notes\.txt: /],
  ])('refuses %s in one sentence: exit 2, nothing written', async (_what, args, message) => {
    await writeFile(path.join(demo.dir, 'notes.txt'), 'not a bundle');
    const result = await runCli(['workbook', ...args(), '--out', 'refused.xlsx'], {
      cwd: demo.dir,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(lines(result.stderr)).toHaveLength(1);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(await exists(path.join(demo.dir, 'refused.xlsx'))).toBe(false);
  });

  it.each([
    [['--expert', EXPERT], '--out FILE.xlsx is required'],
    [['--expert', EXPERT, '--out', 'x.pgb'], '--out must name an .xlsx file (got "x.pgb")'],
    [['--out', 'x.xlsx'], '--expert <id or name> is required'],
    [['--expert', EXPERT, '--out', 'x.xlsx', 'a.pgb', 'b.pgb'], 'give exactly one round bundle'],
    [['--expert', EXPERT, '--out', 'x.xlsx'], 'no ROUND.pgb given'],
  ])('%j is a usage error: one line and the usage, exit 1', async (argv, message) => {
    const result = await runCli(['workbook', ...argv]);
    expect(result.code).toBe(1);
    expect(lines(result.stderr)[0]).toBe(`pinggu workbook: ${message}`);
    expect(result.stderr).toContain('Usage: pinggu workbook ROUND.pgb');
  });
});
