import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBundle, openBundle } from '../../../shared/bundle/bundle';
import { generateSigningKeyPair, publicKeyFingerprint } from '../../../shared/bundle/bundleCrypto';
import { hasStackTrace, lines, openFile, runCli, writeDemo } from '../../helpers/cli';
import type { DemoFiles } from '../../helpers/cli';

let demo: DemoFiles;
beforeAll(async () => {
  demo = await writeDemo(['--seed', '11', '--bases', '12', '--panels', '2']);
});

const reasonFor = async (bytes: Uint8Array): Promise<string> => {
  const opened = await openBundle(bytes, { crypto: globalThis.crypto });
  if (opened.ok) throw new Error('expected an invalid bundle');
  return opened.error.messageEn;
};

describe('pinggu verify', () => {
  it('prints OK <file> <kind> <round> <panel> <sheets> <fingerprint> for every valid bundle and exits 0', async () => {
    const files = ['demo/round-panel-1.pgb', 'demo/scores-panel-2.pgb'];
    const result = await runCli(['verify', ...files], { cwd: demo.dir });
    const round = await openFile(path.join(demo.dir, files[0] ?? ''));
    const scores = await openFile(path.join(demo.dir, files[1] ?? ''));
    const sheets = scores.kind === 'scores' ? scores.payload.scoresheets.length : -1;
    expect(result.code).toBe(0);
    expect(lines(result.stdout)).toEqual([
      `OK demo/round-panel-1.pgb round demo-11-2023 demo-11-2023-panel-1 0 ${round.signer.fingerprint}`,
      `OK demo/scores-panel-2.pgb scores demo-11-2023 demo-11-2023-panel-2 ${sheets} ${scores.signer.fingerprint}`,
    ]);
    // The secretariat's key signs the round bundle, the panel laptop's the scores.
    expect(round.signer.fingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
    expect(round.signer.fingerprint).not.toBe(scores.signer.fingerprint);
    expect(sheets).toBeGreaterThan(0);
  });

  it('prints INVALID <file>: <reason> with the bundle reader’s English sentence and exits 2', async () => {
    const good = await readFile(path.join(demo.dir, 'demo/scores-panel-1.pgb'));
    const truncated = good.subarray(0, Math.floor(good.length / 2));
    const flipped = Buffer.from(good);
    flipped[flipped.length - 200] = (flipped[flipped.length - 200] ?? 0) ^ 0xff;
    await writeFile(path.join(demo.dir, 'truncated.pgb'), truncated);
    await writeFile(path.join(demo.dir, 'notes.txt'), '这不是数据包\n');
    await writeFile(path.join(demo.dir, 'empty.pgb'), '');
    await writeFile(path.join(demo.dir, 'flipped.pgb'), flipped);
    const files = ['truncated.pgb', 'notes.txt', 'empty.pgb', 'flipped.pgb', 'missing.pgb', 'demo'];
    const result = await runCli(['verify', 'demo/round-panel-2.pgb', ...files], { cwd: demo.dir });

    expect(result.code).toBe(2);
    expect(lines(result.stdout)).toEqual([
      expect.stringMatching(/^OK demo\/round-panel-2\.pgb round /),
      `INVALID truncated.pgb: ${await reasonFor(truncated)}`,
      `INVALID notes.txt: ${await reasonFor(Buffer.from('这不是数据包\n'))}`,
      `INVALID empty.pgb: ${await reasonFor(new Uint8Array())}`,
      `INVALID flipped.pgb: ${await reasonFor(flipped)}`,
      'INVALID missing.pgb: cannot read the file: no such file or folder (ENOENT)',
      'INVALID demo: this is a folder, not a file',
    ]);
    expect(result.stdout).toContain('incomplete');
    expect(result.stdout).toContain('not a Pinggu bundle');
    expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
  });

  it('opens encrypted bundles with PINGGU_PASSPHRASE, and says a passphrase is needed without it', async () => {
    const keys = await generateSigningKeyPair(globalThis.crypto);
    const bytes = await createBundle({
      kind: 'scores',
      roundId: 'round-x',
      panelId: 'panel-x',
      deviceId: 'laptop-x',
      appVersion: '0.1.0',
      createdAt: '2024-05-01T00:00:00.000Z',
      signer: keys,
      passphrase: '口令 secret',
      crypto: globalThis.crypto,
      payload: { scoresheets: [], audit: [] },
    });
    await writeFile(path.join(demo.dir, 'sealed.pgb'), bytes);
    const withPass = await runCli(['verify', 'sealed.pgb'], {
      cwd: demo.dir,
      env: { PINGGU_PASSPHRASE: '口令 secret' },
    });
    const fingerprint = await publicKeyFingerprint(globalThis.crypto, keys.publicKeyRaw);
    expect(withPass.stdout).toBe(`OK sealed.pgb scores round-x panel-x 0 ${fingerprint}\n`);
    const without = await runCli(['verify', 'sealed.pgb'], { cwd: demo.dir });
    expect(without.code).toBe(2);
    expect(without.stdout).toMatch(/^INVALID sealed\.pgb: This bundle is encrypted/);
  });

  it('needs at least one file: a usage error, exit 1', async () => {
    const result = await runCli(['verify']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^pinggu verify: no FILE given\n/);
    expect(result.stderr).toContain('Usage: pinggu verify FILE...');
  });
});
