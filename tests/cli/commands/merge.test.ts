import { generateKeyPairSync } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { signerFromPkcs8 } from '../../../cli/keys';
import { createBundle } from '../../../shared/bundle/bundle';
import { generateSigningKeyPair } from '../../../shared/bundle/bundleCrypto';
import type { BundleSigner } from '../../../shared/bundle/bundleCrypto';
import { formatHlc } from '../../../shared/domain/hlc';
import type { Scoresheet } from '../../../shared/domain/types';
import { generateDemoRound } from '../../../shared/demo/demoRound';
import {
  CLI_NOW,
  hasStackTrace,
  lines,
  openFile,
  runCli,
  tempDir,
  writeDemo,
} from '../../helpers/cli';
import type { DemoFiles } from '../../helpers/cli';

const OPTIONS = { seed: 5, baseCount: 20, panelCount: 2 };
const DEMO_ARGS = ['--seed', '5', '--bases', '20', '--panels', '2'];
const demoRound = generateDemoRound(OPTIONS);

let demo: DemoFiles;
beforeAll(async () => {
  demo = await writeDemo(DEMO_ARGS);
});

const exists = (file: string): Promise<boolean> =>
  stat(file).then(
    () => true,
    () => false,
  );

/** A score bundle for panel 1 of the demo round with these sheets, signed as given. */
async function scoresBundle(
  file: string,
  sheets: Scoresheet[],
  signer: BundleSigner,
  deviceId = 'spare-laptop',
): Promise<string> {
  const bytes = await createBundle({
    kind: 'scores',
    roundId: demoRound.round.id,
    panelId: `${demoRound.round.id}-panel-1`,
    deviceId,
    appVersion: '0.1.0',
    createdAt: '2023-05-20T10:00:00.000Z',
    signer,
    crypto: globalThis.crypto,
    payload: { scoresheets: sheets, audit: [] },
  });
  await writeFile(file, bytes);
  return file;
}

const panelOneSheets = async (): Promise<Scoresheet[]> => {
  const bundle = await openFile(demo.scores[0] ?? '');
  return bundle.kind === 'scores' ? bundle.payload.scoresheets : [];
};

describe('pinggu merge', () => {
  it('merges the round and score bundles into a signed result bundle with every sheet', async () => {
    const home = await tempDir();
    const result = await runCli(['merge', '--out', 'result.pgb', ...demo.all], {
      cwd: demo.dir,
      env: { PINGGU_HOME: home },
    });
    expect(result.code).toBe(0);
    expect(lines(result.stdout)[0]).toBe(
      `sheets: ${demoRound.scoresheets.length}, conflicts: 0, refused files: 0`,
    );
    expect(lines(result.stdout)[1]).toMatch(/^wrote result\.pgb: result bundle of round /);

    const bundle = await openFile(path.join(demo.dir, 'result.pgb'));
    if (bundle.kind !== 'result') throw new Error('expected a result bundle');
    expect(bundle.manifest.createdAt).toBe(CLI_NOW);
    expect(bundle.payload.round).toEqual(demoRound.round);
    const ids = (items: readonly { id: string }[]) => items.map((i) => i.id).sort();
    expect(ids(bundle.payload.bases)).toEqual(ids(demoRound.bases));
    expect(ids(bundle.payload.experts)).toEqual(ids(demoRound.experts));
    expect(ids(bundle.payload.assignments)).toEqual(ids(demoRound.assignments));
    expect(bundle.payload.scoresheets).toEqual(
      [...demoRound.scoresheets].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );

    const keyFile = path.join(home, 'cli-key.json');
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    const key = await signerFromPkcs8(
      Buffer.from(JSON.parse(await readFile(keyFile, 'utf8')).privateKeyPkcs8, 'base64'),
    );
    expect(bundle.signer.fingerprint).toBe(key.fingerprint);
    expect(result.stderr).toContain(`created the CLI signing key ${keyFile}`);
  });

  it('writes the same bytes whatever the order of the files, reusing the CLI key', async () => {
    const env = { PINGGU_HOME: await tempDir() };
    await runCli(['merge', '--out', 'a.pgb', ...demo.all], { cwd: demo.dir, env });
    const again = await runCli(['merge', '--out', 'b.pgb', ...[...demo.all].reverse()], {
      cwd: demo.dir,
      env,
    });
    expect(again.stderr).not.toContain('created the CLI signing key');
    const a = await readFile(path.join(demo.dir, 'a.pgb'));
    const b = await readFile(path.join(demo.dir, 'b.pgb'));
    expect(a.equals(b)).toBe(true);
  });

  it('counts a concurrent edit that differs as a conflict and keeps one winner', async () => {
    const [sheet] = (await panelOneSheets()).filter((s) => s.status === 'submitted');
    if (!sheet) throw new Error('no submitted sheet');
    const [firstScore] = Object.keys(sheet.scores);
    const edited: Scoresheet = {
      ...sheet,
      scores: { ...sheet.scores, [firstScore ?? '']: 0 },
      deviceId: 'spare-laptop',
      hlc: formatHlc({
        ms: Date.parse('2023-05-20T09:00:00Z'),
        counter: 0,
        deviceId: 'spare-laptop',
      }),
      versions: { 'spare-laptop': 1 },
    };
    const extra = await scoresBundle(
      path.join(demo.dir, 'spare.pgb'),
      [edited],
      await generateSigningKeyPair(globalThis.crypto),
    );
    const result = await runCli(['merge', '--out', 'conflict.pgb', ...demo.all, extra], {
      cwd: demo.dir,
    });
    expect(result.code).toBe(0);
    const out = lines(result.stdout);
    expect(out).toContain(
      `sheets: ${demoRound.scoresheets.length}, conflicts: 1, refused files: 0`,
    );
    expect(out.filter((l) => l.startsWith('CONFLICT '))).toEqual([
      expect.stringContaining(
        `CONFLICT ${sheet.id}: base ${sheet.baseId}, expert ${sheet.expertId}`,
      ),
    ]);
    expect(result.stderr).toContain('1 conflict');
  });

  it('refuses a truncated file, a file of another round and a key clash: exit 2, nothing written', async () => {
    const good = await readFile(demo.scores[0] ?? '');
    const truncated = path.join(demo.dir, 'cut.pgb');
    await writeFile(truncated, good.subarray(0, 300));
    const other = await writeDemo(['--seed', '6', '--bases', '20', '--panels', '2']);
    // Panel 1's laptop id, but another key: neither file can be trusted.
    const impostor = await scoresBundle(
      path.join(demo.dir, 'impostor.pgb'),
      await panelOneSheets(),
      await generateSigningKeyPair(globalThis.crypto),
      `${demoRound.round.id}-panel-1-laptop`,
    );
    const home = await tempDir();
    const files = [...demo.all, truncated, other.scores[0] ?? '', impostor];
    const result = await runCli(['merge', '--out', 'never.pgb', ...files], {
      cwd: demo.dir,
      env: { PINGGU_HOME: home },
    });

    expect(result.code).toBe(2);
    const refused = lines(result.stdout).filter((l) => l.startsWith('REFUSED '));
    expect(refused).toEqual([
      expect.stringMatching(/^REFUSED .*cut\.pgb: The file is incomplete/),
      expect.stringMatching(
        /scores-panel-1\.pgb: device ".*-panel-1-laptop" signed .* 2 different keys/,
      ),
      expect.stringMatching(/impostor\.pgb: device ".*-panel-1-laptop" signed/),
      expect.stringMatching(
        /scores-panel-1\.pgb: belongs to round "demo-6-2023", not "demo-5-2023"/,
      ),
    ]);
    expect(lines(result.stdout)).toContain(
      `sheets: ${demoRound.scoresheets.length - (await panelOneSheets()).length}, conflicts: 0, refused files: 4`,
    );
    expect(result.stderr).toContain('4 files refused; nothing written');
    expect(await exists(path.join(demo.dir, 'never.pgb'))).toBe(false);
    expect(await exists(path.join(home, 'cli-key.json'))).toBe(false);
  });

  it('refuses score bundles whose panel has no round bundle, and needs at least one round bundle', async () => {
    const [round1] = demo.rounds;
    const partial = await runCli(['merge', '--out', 'p.pgb', round1 ?? '', ...demo.scores], {
      cwd: demo.dir,
    });
    expect(partial.code).toBe(2);
    expect(partial.stdout).toMatch(
      /REFUSED .*scores-panel-2\.pgb: no round bundle given for its panel/,
    );
    expect(await exists(path.join(demo.dir, 'p.pgb'))).toBe(false);

    const noRoster = await runCli(['merge', '--out', 'q.pgb', ...demo.scores], { cwd: demo.dir });
    expect(noRoster.code).toBe(2);
    expect(noRoster.stderr).toContain('no valid round bundle among the files');
    expect(await exists(path.join(demo.dir, 'q.pgb'))).toBe(false);
  });

  it('refuses a file whose sheet reuses the id of another expert’s or base’s sheet', async () => {
    const [a, b] = (await panelOneSheets()).filter((s) => s.baseId !== undefined);
    if (!a || !b || (a.baseId === b.baseId && a.expertId === b.expertId)) {
      throw new Error('need two different sheets');
    }
    const clash = await scoresBundle(
      path.join(demo.dir, 'clash.pgb'),
      [{ ...b, id: a.id }],
      await generateSigningKeyPair(globalThis.crypto),
    );
    const result = await runCli(['merge', '--out', 'clash-result.pgb', ...demo.all, clash], {
      cwd: demo.dir,
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(
      new RegExp(
        `REFUSED .*\\.pgb: scoresheet "${a.id}" uses an id that another expert's or base's sheet already has`,
      ),
    );
    expect(await exists(path.join(demo.dir, 'clash-result.pgb'))).toBe(false);
  });

  it('refuses a file with a sheet for a base its expert was not assigned or is recused from', async () => {
    const sheets = await panelOneSheets();
    const [first] = sheets;
    if (!first) throw new Error('no sheet');
    // A base of panel 2: the panel-1 expert of the first sheet was never assigned it.
    const other = demoRound.bases.find((b) => b.panelId === `${demoRound.round.id}-panel-2`);
    const recused = demoRound.assignments.find(
      (a) => a.recusal !== undefined && a.panelId === `${demoRound.round.id}-panel-1`,
    );
    const cases = [
      ...(other
        ? [{ name: 'unassigned.pgb', sheet: { ...first, id: 'stray-1', baseId: other.id } }]
        : []),
      ...(recused
        ? [
            {
              name: 'recused.pgb',
              sheet: {
                ...first,
                id: 'stray-2',
                expertId: recused.expertId,
                baseId: recused.baseId,
              },
            },
          ]
        : []),
    ];
    expect(cases).toHaveLength(2);
    const key = await generateSigningKeyPair(globalThis.crypto);
    const files = await Promise.all(
      cases.map((c, i) =>
        scoresBundle(path.join(demo.dir, c.name), [c.sheet], key, `stray-laptop-${i}`),
      ),
    );
    const result = await runCli(['merge', '--out', 'stray-result.pgb', ...demo.all, ...files], {
      cwd: demo.dir,
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(
      'unassigned.pgb: scoresheet "stray-1" is for a base its expert was not assigned',
    );
    expect(result.stdout).toContain(
      'recused.pgb: scoresheet "stray-2" scores a base its expert is recused from',
    );
    expect(await exists(path.join(demo.dir, 'stray-result.pgb'))).toBe(false);
  });

  it('refuses result bundles as input', async () => {
    await runCli(['merge', '--out', 'r.pgb', ...demo.all], { cwd: demo.dir });
    const result = await runCli(['merge', '--out', 's.pgb', ...demo.all, 'r.pgb'], {
      cwd: demo.dir,
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(
      'REFUSED r.pgb: This is a result bundle; a round bundle or score bundle is needed here.',
    );
  });

  it('signs with --key: a PKCS#8 PEM file or the app’s JSON key file', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' });
    const der = privateKey.export({ format: 'der', type: 'pkcs8' });
    const expected = (await signerFromPkcs8(der)).fingerprint;
    await writeFile(path.join(demo.dir, 'key.pem'), pem);
    const appKey = {
      format: 'pinggu-device-key',
      version: 1,
      algorithm: 'Ed25519',
      privateKeyPkcs8: der.toString('base64'),
    };
    await writeFile(path.join(demo.dir, 'device-ed25519.json'), JSON.stringify(appKey));
    for (const key of ['key.pem', 'device-ed25519.json']) {
      const result = await runCli(['merge', '--key', key, '--out', `${key}.pgb`, ...demo.all], {
        cwd: demo.dir,
      });
      expect(result.code, result.stderr).toBe(0);
      expect((await openFile(path.join(demo.dir, `${key}.pgb`))).signer.fingerprint).toBe(expected);
    }
  });

  it('reports an unusable key file in one line, exit 1, and writes nothing', async () => {
    await writeFile(path.join(demo.dir, 'bad-key.json'), '{"privateKeyPkcs8":"AAAA"}');
    const result = await runCli(['merge', '--key', 'bad-key.json', '--out', 'k.pgb', ...demo.all], {
      cwd: demo.dir,
    });
    expect(result.code).toBe(1);
    expect(lines(result.stderr).at(-1)).toMatch(
      /^pinggu: the key file .*bad-key\.json holds no Ed25519 private key/,
    );
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(await exists(path.join(demo.dir, 'k.pgb'))).toBe(false);
  });

  it.each([
    [['merge', 'a.pgb'], '--out RESULT.pgb is required'],
    [['merge', '--out', 'x.pgb'], 'no FILE given'],
    [['merge', '--out'], "Option '--out <value>' argument missing"],
  ])('refuses %j as a usage error', async (argv, message) => {
    const result = await runCli(argv);
    expect(result.code).toBe(1);
    expect(lines(result.stderr)[0]).toBe(`pinggu merge: ${message}`);
    expect(result.stderr).toContain('Usage: pinggu merge');
  });
});
