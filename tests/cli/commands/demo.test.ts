import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoSigner } from '../../../cli/keys';
import { generateDemoRound } from '../../../shared/demo/demoRound';
import {
  folderBytes,
  hasStackTrace,
  lines,
  openFile,
  runCli,
  tempDir,
  writeDemo,
} from '../../helpers/cli';

const SMALL = ['--seed', '7', '--bases', '24', '--panels', '2'];

describe('pinggu demo', () => {
  it('writes byte-identical bundles for the same seed, and different ones for another seed', async () => {
    const first = await writeDemo(SMALL);
    const second = await writeDemo(SMALL);
    const a = await folderBytes(path.join(first.dir, 'demo'));
    const b = await folderBytes(path.join(second.dir, 'demo'));
    expect([...a.keys()]).toEqual([
      'round-panel-1.pgb',
      'round-panel-2.pgb',
      'scores-panel-1.pgb',
      'scores-panel-2.pgb',
    ]);
    for (const [name, bytes] of a) expect(b.get(name)?.equals(bytes), name).toBe(true);

    const other = await writeDemo(['--seed', '8', '--bases', '24', '--panels', '2']);
    const c = await folderBytes(path.join(other.dir, 'demo'));
    expect(
      c.get('scores-panel-1.pgb')?.equals(a.get('scores-panel-1.pgb') ?? Buffer.alloc(0)),
    ).toBe(false);
  });

  it('splits the round into one round and one score bundle per panel that together hold all of it', async () => {
    const demo = generateDemoRound({ seed: 7, baseCount: 24, panelCount: 2 });
    const files = await writeDemo(SMALL);
    const rounds = await Promise.all(files.rounds.map(openFile));
    const scores = await Promise.all(files.scores.map(openFile));
    const bases = rounds.flatMap((b) => (b.kind === 'round' ? b.payload.bases : []));
    const sheets = scores.flatMap((b) => (b.kind === 'scores' ? b.payload.scoresheets : []));
    expect(bases.map((b) => b.id).sort()).toEqual(demo.bases.map((b) => b.id).sort());
    expect(sheets.map((s) => s.id).sort()).toEqual(demo.scoresheets.map((s) => s.id).sort());
    for (const bundle of rounds) {
      expect(bundle.kind).toBe('round');
      if (bundle.kind !== 'round') continue;
      expect(bundle.payload.panels.map((p) => p.id)).toEqual([bundle.manifest.panelId]);
      expect(bundle.payload.bases.every((b) => b.panelId === bundle.manifest.panelId)).toBe(true);
    }
  });

  it('signs round bundles with the secretariat key and each score bundle with its panel key, all from the seed', async () => {
    const files = await writeDemo(SMALL);
    const secretariat = await demoSigner(7, 'secretariat');
    for (const file of files.rounds) {
      expect((await openFile(file)).signer.fingerprint).toBe(secretariat.fingerprint);
    }
    const panelKeys = await Promise.all(
      files.scores.map(async (file) => {
        const bundle = await openFile(file);
        const panelId = bundle.kind === 'scores' ? bundle.manifest.panelId : '';
        expect(bundle.signer.fingerprint).toBe((await demoSigner(7, panelId)).fingerprint);
        return bundle.signer.fingerprint;
      }),
    );
    expect(new Set(panelKeys).size).toBe(panelKeys.length);
  });

  it('writes the whole demo round (about 120 bases, 4 regional panels) by default', async () => {
    const files = await writeDemo();
    expect(files.rounds).toHaveLength(4);
    expect(files.scores).toHaveLength(4);
    const bases = (await Promise.all(files.rounds.map(openFile))).flatMap((b) =>
      b.kind === 'round' ? b.payload.bases : [],
    );
    expect(bases).toHaveLength(generateDemoRound().bases.length);
  });

  it('replaces the bundles of an earlier, larger demo run in the same folder', async () => {
    const dir = await tempDir();
    await runCli(['demo', '--out', 'd', '--seed', '7', '--bases', '12', '--panels', '3'], {
      cwd: dir,
    });
    await runCli(['demo', '--out', 'd', '--seed', '7', '--bases', '12', '--panels', '2'], {
      cwd: dir,
    });
    expect([...(await folderBytes(path.join(dir, 'd'))).keys()]).toEqual([
      'round-panel-1.pgb',
      'round-panel-2.pgb',
      'scores-panel-1.pgb',
      'scores-panel-2.pgb',
    ]);
  });

  it('prints the written paths on stdout and progress on stderr', async () => {
    const result = await runCli(['demo', '--out', 'out', ...SMALL]);
    expect(result.code).toBe(0);
    expect(lines(result.stdout)).toEqual([
      path.join('out', 'round-panel-1.pgb'),
      path.join('out', 'scores-panel-1.pgb'),
      path.join('out', 'round-panel-2.pgb'),
      path.join('out', 'scores-panel-2.pgb'),
    ]);
    expect(result.stderr).toContain('[4/4]');
    expect(result.stderr).toContain('24 bases, 2 panels');
  });

  it.each([
    [['demo'], '--out DIR is required'],
    [['demo', '--out', 'x', '--bases', '0'], '--bases must be a whole number from 1 to'],
    [['demo', '--out', 'x', '--bases', '999'], '--bases must be a whole number from 1 to'],
    [
      ['demo', '--out', 'x', '--bases', '3', '--panels', '4'],
      '--panels must be a whole number from 1 to 3',
    ],
    [['demo', '--out', 'x', '--seed', 'abc'], '--seed must be a whole number'],
    [['demo', '--out', 'x', '--colour'], "Unknown option '--colour'"],
    [['demo', '--out', 'x', 'extra'], 'unexpected argument "extra"'],
  ])('refuses %j with one line and the usage, exit 1', async (argv, message) => {
    const dir = await tempDir();
    const result = await runCli(argv, { cwd: dir });
    expect(result.code).toBe(1);
    expect(lines(result.stderr)[0]).toContain(message);
    expect(result.stderr).toContain('Usage: pinggu demo');
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(result.stdout).toBe('');
  });
});
