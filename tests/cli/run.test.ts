import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HELP, USAGE } from '../../cli/help';
import { run } from '../../cli/run';
import { generateSigningKeyPair } from '../../shared/bundle/bundleCrypto';
import { captureIo, hasStackTrace, lines, openFile, runCli, tempDir } from '../helpers/cli';
import { trustFileOf, writeScoresBundle, writeTrustFile } from '../helpers/cliTrust';
import { typeInto } from '../helpers/workbookBuilders';

const COMMANDS = ['demo', 'verify', 'merge', 'report', 'workbook', 'registry'] as const;

describe('pinggu help', () => {
  it.each([[[]], [['--help']], [['-h']], [['help']]])(
    '%j prints the overview, exit 0',
    async (argv) => {
      const result = await runCli(argv);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(USAGE);
      for (const command of COMMANDS) expect(result.stdout).toContain(`  ${command} `);
    },
  );

  it.each(COMMANDS)('%s --help and help %s print the command’s usage, exit 0', async (command) => {
    for (const argv of [
      [command, '--help'],
      [command, '-h'],
      ['help', command],
    ]) {
      const result = await runCli(argv);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(HELP[command]);
      expect(result.stdout.startsWith(`Usage: pinggu ${command}`)).toBe(true);
    }
  });

  it('prints the version', async () => {
    const result = await runCli(['--version']);
    expect(result.stdout).toMatch(/^pinggu \d+\.\d+\.\d+\n$/);
  });
});

describe('pinggu never shows a stack trace', () => {
  it.each([
    [['frobnicate'], 'pinggu: unknown command "frobnicate"'],
    [['verify', '--deep', 'x.pgb'], "pinggu verify: Unknown option '--deep'."],
    [['report', '--format'], "pinggu report: Option '--format <value>' argument missing"],
  ])('%j: one line, the usage, exit 1', async (argv, message) => {
    const result = await runCli(argv);
    expect(result.code).toBe(1);
    expect(lines(result.stderr)[0]?.startsWith(message)).toBe(true);
    expect(result.stderr).toContain('Usage: pinggu');
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('turns an unexpected failure into one line naming it as an internal error', async () => {
    const io = captureIo(await tempDir());
    const broken = {
      ...io,
      stdout: () => {
        throw new TypeError('stream closed');
      },
    };
    expect(await run(['--help'], broken)).toBe(1);
    expect(io.output().stderr).toBe('pinggu: internal error (TypeError: stream closed)\n');
  });

  it('reports an output file it cannot write in one line, exit 1', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'blocker'), 'a file where a folder should be');
    const result = await runCli(['demo', '--out', 'blocker/demo', '--bases', '4'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(lines(result.stderr).at(-1)).toMatch(
      /^pinggu: cannot write blocker\/demo\/round-panel-1\.pgb: /,
    );
    expect(hasStackTrace(result.stderr)).toBe(false);
  });
});

const ROOT = path.resolve(__dirname, '../..');
// PINGGU_CLI_BUILT: a CLI built elsewhere (`vite build --config vite.cli.config.ts --outDir …`),
// so a change can be tried without rebuilding the dist-cli others are using.
const BUILT = process.env.PINGGU_CLI_BUILT ?? path.join(ROOT, 'dist-cli/pinggu.mjs');
const node = (args: string[], cwd: string) =>
  spawnSync(process.execPath, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PINGGU_HOME: cwd },
  });

describe('the built bin', () => {
  beforeAll(() => {
    // npm test builds it first (scripts/test.mjs); a bare vitest run builds it here.
    if (!existsSync(BUILT)) {
      const build = spawnSync('npm', ['run', '--silent', 'build:cli'], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      if (build.status !== 0) throw new Error(`build:cli failed: ${build.stderr}`);
    }
  }, 120_000);

  it('runs demo, verify, merge and report from a child process through the package bin', async () => {
    const dir = await tempDir();
    const bin = path.join(ROOT, 'cli/pinggu.mjs');
    const demo = node(
      [bin, 'demo', '--out', 'd', '--seed', '9', '--bases', '10', '--panels', '2'],
      dir,
    );
    expect(demo.status, demo.stderr).toBe(0);
    const files = lines(demo.stdout);
    expect(files).toHaveLength(4);
    const verify = node([BUILT, 'verify', ...files], dir);
    expect(verify.status).toBe(0);
    expect(lines(verify.stdout).every((l) => l.startsWith('OK '))).toBe(true);
    const merge = node([BUILT, 'merge', '--out', 'result.pgb', ...files], dir);
    expect(merge.status, merge.stderr).toBe(0);
    const report = node([BUILT, 'report', 'result.pgb'], dir);
    expect(report.status).toBe(0);
    expect(JSON.parse(report.stdout).bases).toHaveLength(10);
  });

  it('with --trust refuses a score bundle re-signed with a fresh key under the laptop’s id: exit 2, nothing written', async () => {
    const dir = await tempDir();
    const demo = node(
      [BUILT, 'demo', '--out', 'd', '--seed', '9', '--bases', '10', '--panels', '2'],
      dir,
    );
    expect(demo.status, demo.stderr).toBe(0);
    const [round1, scores1, round2, scores2] = lines(demo.stdout);
    const at = (file = '') => path.join(dir, file);
    await writeTrustFile(at('trust.pgtrust.json'), await trustFileOf([at(scores1), at(scores2)]));

    const trusted = node(
      [BUILT, 'merge', '--trust', 'trust.pgtrust.json', '--out', 'ok.pgb', ...lines(demo.stdout)],
      dir,
    );
    expect(trusted.status, trusted.stderr).toBe(0);
    const report = node([BUILT, 'report', 'ok.pgb'], dir);
    expect(JSON.parse(report.stdout)).toMatchObject({ status: 'open', keysVerified: true });

    const real = await openFile(at(scores1));
    if (real.kind !== 'scores') throw new Error('expected a score bundle');
    const { roundId, panelId, deviceId, createdAt } = real.manifest;
    const signer = await generateSigningKeyPair(globalThis.crypto);
    await writeScoresBundle(at('forged.pgb'), { roundId, panelId }, real.payload, {
      deviceId,
      createdAt,
      signer,
    });
    const forged = (await openFile(at('forged.pgb'))).signer.fingerprint;
    const files = [round1 ?? '', round2 ?? '', 'forged.pgb', scores2 ?? ''];
    const refused = node(
      [BUILT, 'merge', '--trust', 'trust.pgtrust.json', '--out', 'never.pgb', ...files],
      dir,
    );
    expect(refused.status).toBe(2);
    expect(lines(refused.stdout)[0]).toBe(
      `REFUSED forged.pgb: panel "${panelId}" device "${deviceId}" signed it with key ${forged}, ` +
        `but trust.pgtrust.json trusts key ${real.signer.fingerprint} for that panel's device`,
    );
    expect(existsSync(at('never.pgb'))).toBe(false);
    expect(hasStackTrace(refused.stdout + refused.stderr)).toBe(false);
  });

  it('writes an expert’s workbook and merges it filled; a value off the step: exit 2, nothing written', async () => {
    const { readFile } = await import('node:fs/promises');
    const dir = await tempDir();
    const demo = node(
      [BUILT, 'demo', '--out', 'd', '--seed', '5', '--bases', '20', '--panels', '2'],
      dir,
    );
    expect(demo.status, demo.stderr).toBe(0);
    const rounds = lines(demo.stdout).filter((f) => path.basename(f).startsWith('round-'));
    const expert = 'demo-5-2023-expert-1-1';
    const written = node(
      [BUILT, 'workbook', rounds[0] ?? '', '--expert', expert, '--out', 'blank.xlsx'],
      dir,
    );
    expect(written.status, written.stderr).toBe(0);
    const blank = new Uint8Array(await readFile(path.join(dir, 'blank.xlsx')));
    // LN-A1-001 (built-in A1): its 9 scores on rows 5–13; two typed, D5 = 7 and D6 = 7.5.
    await writeFile(
      path.join(dir, 'good.xlsx'),
      typeInto(blank, { 'LN-A1-001': { D5: 7, D6: 7.5 } }),
    );
    await writeFile(path.join(dir, 'bad.xlsx'), typeInto(blank, { 'LN-A1-001': { D5: 7.25 } }));

    const merged = node([BUILT, 'merge', '--out', 'ok.pgb', ...rounds, 'good.xlsx'], dir);
    expect(merged.status, merged.stderr).toBe(0);
    expect(lines(merged.stdout)[0]).toBe('sheets: 10, conflicts: 0, refused files: 0');
    const result = await openFile(path.join(dir, 'ok.pgb'));
    if (result.kind !== 'result') throw new Error('expected a result bundle');
    const sheet = result.payload.scoresheets.find((s) => s.baseId === 'demo-5-2023-base-LN-A1-001');
    expect(Object.values(sheet?.scores ?? {}).sort()).toEqual([7, 7.5]);

    const refused = node([BUILT, 'merge', '--out', 'never.pgb', ...rounds, 'bad.xlsx'], dir);
    expect(refused.status).toBe(2);
    expect(lines(refused.stdout)[0]).toMatch(/^REFUSED bad\.xlsx: .*LN-A1-001/);
    expect(existsSync(path.join(dir, 'never.pgb'))).toBe(false);
    expect(hasStackTrace(refused.stdout + refused.stderr)).toBe(false);
  });

  it('writes closed demo years and prints the registry of their result bundles', async () => {
    const dir = await tempDir();
    const demo = node(
      [BUILT, 'demo', '--out', 'd', '--seed', '3', '--bases', '6', '--years', '2'],
      dir,
    );
    expect(demo.status, demo.stderr).toBe(0);
    const years = lines(demo.stdout).filter((f) => path.basename(f).startsWith('result-'));
    expect(years.map((f) => path.basename(f))).toEqual(['result-2023.pgb', 'result-2024.pgb']);
    const registry = node([BUILT, 'registry', ...years.reverse()], dir);
    expect(registry.status, registry.stderr).toBe(0);
    const output = JSON.parse(registry.stdout) as { bases: { status: string }[]; flows: unknown[] };
    expect(output.bases.some((b) => b.status === 'merged')).toBe(true);
    expect(output.flows.length).toBeGreaterThan(0);
  });

  it('exits 2 with an INVALID line and no stack trace for a file that is not a bundle', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'x.pgb'), 'hello');
    const result = node([BUILT, 'verify', 'x.pgb'], dir);
    expect(result.status).toBe(2);
    expect(result.stdout).toMatch(/^INVALID x\.pgb: This is not a Pinggu bundle/);
    expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
  });

  it('starts with a #!/usr/bin/env node line', async () => {
    const { readFile } = await import('node:fs/promises');
    expect((await readFile(BUILT, 'utf8')).startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('says in plain English that the CLI must be built when dist-cli is missing', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'cli'));
    await copyFile(path.join(ROOT, 'cli/pinggu.mjs'), path.join(dir, 'cli/pinggu.mjs'));
    const result = node([path.join(dir, 'cli/pinggu.mjs'), '--help'], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('pinggu: the command line is not built yet');
    expect(result.stderr).toContain('npm run build:cli');
  });
});
