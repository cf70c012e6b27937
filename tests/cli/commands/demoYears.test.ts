// `pinggu demo --years N`: closed years of the demo registry as signed result bundles. The
// files are byte-identical for a seed, today's files are unchanged by the option, and the
// decisions across the years hold a merge into a base of the same round, a revocation, a
// conversion and a rectification followed by the base's re-evaluation the next year.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoSigner } from '../../../cli/keys';
import type { ResultPayload } from '../../../shared/bundle/payload';
import { folderBytes, lines, openFile, runCli, tempDir, writeDemo } from '../../helpers/cli';
import type { DemoFiles } from '../../helpers/cli';

const SMALL = ['--seed', '7', '--bases', '12', '--panels', '2'];
const YEARS = ['2023', '2024', '2025'];

let withYears: DemoFiles;
let results: ResultPayload[];

beforeAll(async () => {
  withYears = await writeDemo([...SMALL, '--years', '3']);
  results = [];
  for (const year of YEARS) {
    const bundle = await openFile(path.join(withYears.dir, 'demo', `result-${year}.pgb`));
    if (bundle.kind !== 'result') throw new Error(`result-${year}.pgb is a ${bundle.kind} bundle`);
    results.push(bundle.payload);
  }
}, 120_000);

/** The decisions of a year with each base's code, and the code of a merge's target. */
function decided(payload: ResultPayload) {
  const codeOf = new Map(payload.bases.map((b) => [b.id, b.code]));
  return payload.decisions.map((d) => ({
    code: codeOf.get(d.baseId),
    disposition: d.disposition,
    target: d.disposition.code === 'merge' ? codeOf.get(d.disposition.targetBaseId) : undefined,
  }));
}

describe('pinggu demo --years', () => {
  it('writes today’s files unchanged, plus result-<year>.pgb per year, oldest first', async () => {
    const without = await writeDemo(SMALL);
    const today = await folderBytes(path.join(without.dir, 'demo'));
    const all = await folderBytes(path.join(withYears.dir, 'demo'));
    expect([...all.keys()]).toEqual([...YEARS.map((y) => `result-${y}.pgb`), ...[...today.keys()]]);
    for (const [name, bytes] of today) expect(all.get(name)?.equals(bytes), name).toBe(true);
    expect(withYears.all.map((f) => path.basename(f)).slice(-3)).toEqual(
      YEARS.map((y) => `result-${y}.pgb`),
    );
  });

  it('writes byte-identical files for the same seed', async () => {
    const again = await writeDemo([...SMALL, '--years', '3']);
    const a = await folderBytes(path.join(withYears.dir, 'demo'));
    const b = await folderBytes(path.join(again.dir, 'demo'));
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [name, bytes] of a) expect(b.get(name)?.equals(bytes), name).toBe(true);
  });

  it('closes every year (version 1) with a decision on its basis for every base', async () => {
    const secretariat = await demoSigner(7, 'secretariat');
    for (const [index, payload] of results.entries()) {
      const { round } = payload;
      expect(round.year).toBe(Number(YEARS[index]));
      expect(round.status).toBe('closed');
      expect(round.closure).toMatchObject({ version: 1, closedBy: '秘书处 王芳' });
      expect(round.evaluationType).toBe(index === 0 ? 'integration' : 'periodic');
      expect(payload.decisions.map((d) => d.baseId).sort()).toEqual(
        payload.bases.map((b) => b.id).sort(),
      );
      for (const decision of payload.decisions) {
        expect(decision.basis?.recordedAt).toBe(round.closure?.closedAt);
        expect(decision.basis?.sheets).toBeGreaterThan(0);
        expect(typeof decision.basis?.aggregate).toBe('number');
      }
      expect(payload.provenance.keysVerified).toBe(true);
      const file = path.join(withYears.dir, 'demo', `result-${YEARS[index] ?? ''}.pgb`);
      expect((await openFile(file)).signer.fingerprint).toBe(secretariat.fingerprint);
    }
    // Distinct from the current demo round of 2023, which the same folder holds.
    const current = await openFile(withYears.rounds[0] ?? '');
    expect(results[0]?.round.id).not.toBe(current.manifest.roundId);
  });

  it('evaluates the same registry codes every year, leaving out the revoked and merged', () => {
    const [first, second, third] = results.map(decided);
    const out = new Set(
      (first ?? [])
        .filter((d) => d.disposition.code === 'revoke' || d.disposition.code === 'merge')
        .map((d) => d.code),
    );
    const stayed = (first ?? []).map((d) => d.code).filter((c) => !out.has(c));
    expect((second ?? []).map((d) => d.code).sort()).toEqual(stayed.sort());
    const outLater = new Set(
      (second ?? []).filter((d) => d.disposition.code === 'revoke').map((d) => d.code),
    );
    expect((third ?? []).map((d) => d.code).sort()).toEqual(
      stayed.filter((c) => !outLater.has(c)).sort(),
    );
  });

  it('decides a merge into a base of the same round, a revocation, a conversion, and rectifications re-evaluated the next year', () => {
    const years = results.map(decided);
    const all = years.flat();
    const merges = all.filter((d) => d.disposition.code === 'merge');
    expect(merges.length).toBeGreaterThan(0);
    for (const merge of merges) expect(merge.target).toBeDefined();
    expect(all.some((d) => d.disposition.code === 'revoke')).toBe(true);
    const conversions = all.filter((d) => d.disposition.code === 'convert');
    expect(conversions.map((d) => d.disposition)).toEqual([{ code: 'convert', targetType: 'B3' }]);
    // The converted base is evaluated as its new type the year after.
    const convertedCode = conversions[0]?.code;
    const nextYear = results[2]?.bases.find((b) => b.code === convertedCode);
    expect(nextYear?.type).toBe('B3');

    // Every base told to rectify is evaluated again the next year: kept (保留并调整方向), or
    // included (纳入) when it never joined the new series; at least one is kept.
    const again: string[] = [];
    for (const [index, year] of years.entries()) {
      expect(year.some((d) => d.disposition.code === 'rectify')).toBe(true);
      const next = years[index + 1];
      if (next === undefined) continue;
      const legacyNext = new Set(
        (results[index + 1]?.bases ?? []).filter((b) => b.legacyType).map((b) => b.code),
      );
      for (const { code } of year.filter((d) => d.disposition.code === 'rectify')) {
        const decision = next.find((d) => d.code === code)?.disposition.code;
        expect(decision, code).toBe(legacyNext.has(code ?? '') ? 'include' : 'keepAdjust');
        again.push(decision ?? '');
      }
    }
    expect(again).toContain('keepAdjust');
  });

  it('refuses --years outside 1 to 10, writing nothing', async () => {
    const dir = await tempDir();
    const result = await runCli(['demo', '--out', 'd', '--years', '11'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(lines(result.stderr)[0]).toBe(
      'pinggu demo: --years must be a whole number from 1 to 10 (got "11")',
    );
    expect(result.stdout).toBe('');
  });
});
