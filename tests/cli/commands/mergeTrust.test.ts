// `pinggu merge --trust FILE`: a score bundle signed by any key but the one the secretariat's
// trust file holds for its panel's device is refused (exit 2, nothing written); without
// --trust each panel's key is printed for a person to compare and the result says the keys
// were not checked. A trust file that cannot be used stops the merge in one sentence.
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKeyPair } from '../../../shared/bundle/bundleCrypto';
import { trustFileOf, writeScoresBundle, writeTrustFile } from '../../helpers/cliTrust';
import { lines, openFile, runCli, writeDemo } from '../../helpers/cli';
import type { DemoFiles } from '../../helpers/cli';

const ROUND = 'demo-5-2023';
const PANEL_1 = `${ROUND}-panel-1`;
const PANEL_2 = `${ROUND}-panel-2`;
const LAPTOP_1 = `${PANEL_1}-laptop`;
const LAPTOP_2 = `${PANEL_2}-laptop`;

let demo: DemoFiles;
/** The demo's files relative to demo.dir, as a clerk types them there. */
let rel: { rounds: string[]; scores: string[]; all: string[] };
let genuine: { panel1: string; panel2: string; sheets1: number; sheets2: number };

beforeAll(async () => {
  demo = await writeDemo(['--seed', '5', '--bases', '20', '--panels', '2']);
  const relative = (files: string[]) => files.map((f) => path.relative(demo.dir, f));
  rel = { rounds: relative(demo.rounds), scores: relative(demo.scores), all: relative(demo.all) };
  const [one, two] = await Promise.all(demo.scores.map((f) => openFile(f)));
  if (one?.kind !== 'scores' || two?.kind !== 'scores') throw new Error('expected score bundles');
  genuine = {
    panel1: one.signer.fingerprint,
    panel2: two.signer.fingerprint,
    sheets1: one.payload.scoresheets.length,
    sheets2: two.payload.scoresheets.length,
  };
  await writeTrustFile(path.join(demo.dir, 'trust.pgtrust.json'), await trustFileOf(demo.scores));
});

const exists = (file: string): Promise<boolean> =>
  stat(path.join(demo.dir, file)).then(
    () => true,
    () => false,
  );

/** Panel 1's scores re-signed with a fresh key under panel 1's own laptop id. */
async function forgedPanelOne(): Promise<{ file: string; fingerprint: string }> {
  const real = await openFile(demo.scores[0] ?? '');
  if (real.kind !== 'scores') throw new Error('expected a score bundle');
  const file = await writeScoresBundle(
    path.join(demo.dir, 'forged.pgb'),
    { roundId: ROUND, panelId: PANEL_1 },
    real.payload,
    {
      deviceId: LAPTOP_1,
      createdAt: real.manifest.createdAt,
      signer: await generateSigningKeyPair(globalThis.crypto),
    },
  );
  return { file: 'forged.pgb', fingerprint: (await openFile(file)).signer.fingerprint };
}

describe('pinggu merge --trust', () => {
  it('merges when every panel key is the trusted one, and records keysVerified: true', async () => {
    const result = await runCli(
      ['merge', '--trust', 'trust.pgtrust.json', '--out', 'verified.pgb', ...rel.all],
      { cwd: demo.dir },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(lines(result.stderr)).toEqual(
      expect.arrayContaining([
        `merge: panel "${PANEL_1}" device "${LAPTOP_1}" key ${genuine.panel1} matches trust.pgtrust.json`,
        `merge: panel "${PANEL_2}" device "${LAPTOP_2}" key ${genuine.panel2} matches trust.pgtrust.json`,
      ]),
    );
    const bundle = await openFile(path.join(demo.dir, 'verified.pgb'));
    if (bundle.kind !== 'result') throw new Error('expected a result bundle');
    expect(bundle.payload.provenance).toEqual({
      keysVerified: true,
      panelKeys: [
        { panelId: PANEL_1, deviceId: LAPTOP_1, fingerprint: genuine.panel1 },
        { panelId: PANEL_2, deviceId: LAPTOP_2, fingerprint: genuine.panel2 },
      ],
    });
  });

  it('without --trust merges a re-signed bundle, but prints its key and records keysVerified: false', async () => {
    const forged = await forgedPanelOne();
    const files = [...rel.rounds, forged.file, rel.scores[1] ?? ''];
    const result = await runCli(['merge', '--out', 'unchecked.pgb', ...files], { cwd: demo.dir });
    expect(result.code, result.stderr).toBe(0);
    expect(lines(result.stderr)).toContain(
      `merge: panel "${PANEL_1}" device "${LAPTOP_1}" key ${forged.fingerprint} (not checked: ` +
        `compare it with the panel's signed paper summary, or give --trust FILE)`,
    );
    const bundle = await openFile(path.join(demo.dir, 'unchecked.pgb'));
    if (bundle.kind !== 'result') throw new Error('expected a result bundle');
    expect(bundle.payload.provenance.keysVerified).toBe(false);
    expect(bundle.payload.provenance.panelKeys[0]?.fingerprint).toBe(forged.fingerprint);
  });

  it('refuses a bundle re-signed with a fresh key under the panel laptop’s id: exit 2, nothing written', async () => {
    const forged = await forgedPanelOne();
    expect(forged.fingerprint).not.toBe(genuine.panel1);
    const files = [...rel.rounds, forged.file, rel.scores[1] ?? ''];
    const result = await runCli(
      ['merge', '--trust', 'trust.pgtrust.json', '--out', 'never.pgb', ...files],
      { cwd: demo.dir },
    );
    expect(result.code).toBe(2);
    expect(lines(result.stdout)).toEqual([
      `REFUSED forged.pgb: panel "${PANEL_1}" device "${LAPTOP_1}" signed it with key ` +
        `${forged.fingerprint}, but trust.pgtrust.json trusts key ${genuine.panel1} for that panel's device`,
      `sheets: ${genuine.sheets2}, conflicts: 0, refused files: 1`,
    ]);
    expect(lines(result.stderr)).toContain(
      `merge: panel "${PANEL_1}" device "${LAPTOP_1}" key ${forged.fingerprint} is NOT the key ` +
        `trust.pgtrust.json trusts (${genuine.panel1})`,
    );
    expect(lines(result.stderr).at(-1)).toBe('merge: 1 file refused; nothing written');
    expect(await exists('never.pgb')).toBe(false);
  });

  it('refuses a panel device the trust file holds no key for', async () => {
    await writeTrustFile(
      path.join(demo.dir, 'panel-2-only.pgtrust.json'),
      await trustFileOf([demo.scores[1] ?? '']),
    );
    const result = await runCli(
      ['merge', '--trust', 'panel-2-only.pgtrust.json', '--out', 'partial.pgb', ...rel.all],
      { cwd: demo.dir },
    );
    expect(result.code).toBe(2);
    expect(lines(result.stdout)[0]).toBe(
      `REFUSED ${rel.scores[0] ?? ''}: panel "${PANEL_1}" device "${LAPTOP_1}" signed it with key ` +
        `${genuine.panel1}, but panel-2-only.pgtrust.json trusts no key for that panel's device`,
    );
    expect(await exists('partial.pgb')).toBe(false);
  });

  it.each([
    ['missing.pgtrust.json', null, 'cannot read it (no such file or folder (ENOENT))'],
    ['notes.pgtrust.json', '这不是 JSON', 'it is not JSON'],
    [
      'bundle.pgtrust.json',
      '{"format":"pinggu-bundle","version":2}',
      'it is not a Pinggu trust file (no "format": "pinggu-trust")',
    ],
    [
      'newer.pgtrust.json',
      '{"format":"pinggu-trust","version":2,"keys":[]}',
      'it is version 2, written by a newer Pinggu: upgrade pinggu',
    ],
  ])(
    'stops for the trust file %s: one sentence, exit 2, nothing written',
    async (name, text, why) => {
      if (text !== null) await writeFile(path.join(demo.dir, name), text);
      const result = await runCli(['merge', '--trust', name, '--out', 'bad.pgb', ...rel.all], {
        cwd: demo.dir,
      });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        `pinggu: cannot use the trust file ${name}: ${why}; nothing written\n`,
      );
      expect(await exists('bad.pgb')).toBe(false);
    },
  );

  it('refuses the trust file of another round in one sentence', async () => {
    const other = { ...(await trustFileOf(demo.scores)), roundId: 'demo-6-2023' };
    await writeTrustFile(path.join(demo.dir, 'other.pgtrust.json'), other);
    const result = await runCli(
      ['merge', '--trust', 'other.pgtrust.json', '--out', 'other.pgb', ...rel.all],
      { cwd: demo.dir },
    );
    expect(result.code).toBe(2);
    expect(lines(result.stderr).at(-1)).toBe(
      `merge: other.pgtrust.json is the trust file of round "demo-6-2023", not of "${ROUND}" ` +
        `(the round of ${rel.rounds[0] ?? ''}); nothing written`,
    );
    expect(await exists('other.pgb')).toBe(false);
  });

  it('needs a file after --trust', async () => {
    const result = await runCli(['merge', '--trust', '', '--out', 'x.pgb', ...rel.all], {
      cwd: demo.dir,
    });
    expect(result.code).toBe(1);
    expect(lines(result.stderr)[0]).toBe('pinggu merge: --trust needs a FILE');
  });
});
