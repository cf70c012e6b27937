// `pinggu registry FILE...` over the demo's closed years (and registry bundles): the same
// JSON whatever the order of the files; every base's status, type, merge target, deadline and
// history as worked out here from the decisions in the result bundles (not by the registry
// fold); flows that count the decisions; refusals (an open round, a damaged file, another
// kind) with exit 2 and nothing on stdout.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBundle } from '../../../shared/bundle/bundle';
import { generateSigningKeyPair } from '../../../shared/bundle/bundleCrypto';
import type { ResultPayload } from '../../../shared/bundle/payload';
import type { RegistryBase } from '../../../shared/registry/types';
import { hasStackTrace, lines, openFile, runCli, writeDemo } from '../../helpers/cli';
import type { DemoFiles } from '../../helpers/cli';

const SEED = ['--seed', '11', '--bases', '10', '--panels', '2'];

let demo: DemoFiles;
let years: string[];
let payloads: ResultPayload[];

beforeAll(async () => {
  demo = await writeDemo([...SEED, '--years', '3']);
  years = ['2023', '2024', '2025'].map((y) => path.join(demo.dir, 'demo', `result-${y}.pgb`));
  payloads = [];
  for (const file of years) {
    const bundle = await openFile(file);
    if (bundle.kind !== 'result') throw new Error(`${file}: not a result bundle`);
    payloads.push(bundle.payload);
  }
}, 120_000);

type Line = {
  code: string;
  name: string;
  category: string;
  type: string;
  status: string;
  mergedInto?: string;
  rectifyUntil?: string;
  history: { roundId: string; year: number; aggregate: number | null; grade: string | null }[];
};
type Output = { bases: Line[]; flows: { year: number; from: string; to: string; count: number }[] };

async function registry(
  files: readonly string[],
): Promise<{ code: number; out: string; err: string }> {
  const result = await runCli(['registry', ...files], { cwd: demo.dir });
  return { code: result.code, out: result.stdout, err: result.stderr };
}

const parse = (text: string): Output => JSON.parse(text) as Output;

/** The Beijing date of a closing, one year on: the deadline of a 限期整改 it decided. */
function deadline(closedAt: string): string {
  const date = new Date(Date.parse(closedAt) + 8 * 3600_000).toISOString().slice(0, 10);
  return `${String(Number(date.slice(0, 4)) + 1)}${date.slice(4)}`;
}

/** Every base as the decisions of the years, read in year order, leave it. */
function expectedBases(results: readonly ResultPayload[]): Map<string, Line> {
  const bases = new Map<string, Line>();
  for (const { round, bases: roster, decisions } of results) {
    const byId = new Map(roster.map((b) => [b.id, b]));
    for (const base of roster) {
      const decision = decisions.find((d) => d.baseId === base.id);
      const held = bases.get(base.code);
      const line: Line = held ?? {
        code: base.code,
        name: base.name,
        category: base.type.slice(0, 1),
        type: base.type,
        status: 'active',
        history: [],
      };
      line.name = base.name;
      line.history.push({
        roundId: round.id,
        year: round.year,
        aggregate: decision?.basis?.aggregate ?? null,
        grade: decision?.basis?.grade ?? null,
        ...(decision ? { disposition: decision.disposition.code } : {}),
      });
      delete line.rectifyUntil;
      delete line.mergedInto;
      const disposition = decision?.disposition;
      switch (disposition?.code) {
        case 'include':
        case 'convert':
          line.type = disposition.targetType;
          line.category = disposition.targetType.slice(0, 1);
          line.status = 'active';
          break;
        case 'keepAdjust':
          line.status = 'active';
          break;
        case 'rectify':
          line.status = 'rectifying';
          line.rectifyUntil = deadline(round.closure?.closedAt ?? '');
          break;
        case 'merge':
          line.status = 'merged';
          line.mergedInto = byId.get(disposition.targetBaseId)?.code ?? '?';
          break;
        case 'revoke':
          line.status = 'revoked';
          break;
        case undefined:
          break;
      }
      bases.set(base.code, line);
    }
  }
  return bases;
}

/** A registry bundle of these bases, written to `name` in the demo folder. */
async function registryBundle(name: string, bases: RegistryBase[], createdAt: string) {
  const keys = await generateSigningKeyPair(globalThis.crypto);
  const bytes = await createBundle({
    kind: 'registry',
    deviceId: 'department',
    appVersion: '0.1.0',
    createdAt,
    signer: keys,
    crypto: globalThis.crypto,
    payload: {
      registry: {
        year: 2026,
        title: '2026年度定期评估名单',
        selection: { purpose: 'followUp', rectifyDueBy: '2026-12-31' },
        bases,
      },
    },
  });
  const file = path.join(demo.dir, name);
  await writeFile(file, bytes);
  return file;
}

const knownBase = (overrides: Partial<RegistryBase>): RegistryBase => ({
  code: 'LN-A1-900',
  name: '辽宁省极地海洋环境重点实验室',
  type: 'A1',
  hostInstitution: '大连海事大学',
  city: '大连',
  director: '周涛',
  yearEstablished: 2012,
  field: '海洋环境',
  category: 'A',
  status: 'rectifying',
  rectifyUntil: '2026-06-30',
  enteredYear: 2012,
  history: [
    {
      roundId: 'round-2021',
      roundName: '2021年度定期评估',
      year: 2021,
      version: 1,
      aggregate: 57.5,
      method: 'trimmedMean',
      grade: 'fail',
      disposition: 'rectify',
    },
  ],
  ...overrides,
});

describe('pinggu registry over the demo’s closed years', () => {
  it('prints the same JSON whatever the order of the files', async () => {
    const [y1, y2, y3] = years;
    const forward = await registry(years);
    const backward = await registry([y3 ?? '', y1 ?? '', y2 ?? '']);
    expect(forward.code, forward.err).toBe(0);
    expect(backward.code).toBe(0);
    expect(backward.out).toBe(forward.out);
    expect(lines(forward.out)).toHaveLength(1);
  });

  it('gives every base the status, type, target, deadline and history its decisions imply', async () => {
    const output = parse((await registry(years)).out);
    const expected = expectedBases(payloads);
    expect(output.bases.map((b) => b.code)).toEqual([...expected.keys()].sort());
    for (const base of output.bases) expect(base).toEqual(expected.get(base.code));
  });

  it('has merged, revoked, converted and rectifying bases, and one rectified then kept', async () => {
    const output = parse((await registry(years)).out);
    const byStatus = (status: string) => output.bases.filter((b) => b.status === status);
    const codes = new Set(output.bases.map((b) => b.code));
    expect(byStatus('merged').length).toBeGreaterThan(0);
    for (const merged of byStatus('merged')) {
      expect(codes.has(merged.mergedInto ?? '')).toBe(true);
      expect(Object.keys(merged)).not.toContain('rectifyUntil');
    }
    expect(byStatus('revoked').length).toBeGreaterThan(0);
    expect(byStatus('rectifying').length).toBeGreaterThan(0);
    for (const base of byStatus('rectifying')) expect(base.rectifyUntil).toBe('2026-07-20');
    for (const base of byStatus('active')) {
      expect(Object.keys(base)).not.toContain('mergedInto');
      expect(Object.keys(base)).not.toContain('rectifyUntil');
    }
    const converted = output.bases.filter((b) =>
      b.history.some((h) => 'disposition' in h && h.disposition === 'convert'),
    );
    expect(converted.map((b) => b.type)).toEqual(['B3']);
    const keptAfterRectify = output.bases.filter((b) => {
      const dispositions = b.history.map((h) => ('disposition' in h ? h.disposition : undefined));
      return dispositions.some((d, i) => d === 'rectify' && dispositions[i + 1] === 'keepAdjust');
    });
    expect(keptAfterRectify.length).toBeGreaterThan(0);
    for (const base of keptAfterRectify) expect(base.status).not.toBe('rectifying');
  });

  it('counts the decisions in its flows: merges, revocations, the conversion and the inclusions', async () => {
    const { flows } = parse((await registry(years)).out);
    const total = (year: number, where: (f: Output['flows'][number]) => boolean) =>
      flows.filter((f) => f.year === year && where(f)).reduce((n, f) => n + f.count, 0);
    for (const payload of payloads) {
      const { year } = payload.round;
      const legacy = new Set(payload.bases.filter((b) => b.legacyType).map((b) => b.id));
      const count = (code: string, onLegacy?: boolean) =>
        payload.decisions.filter(
          (d) =>
            d.disposition.code === code &&
            (onLegacy === undefined || legacy.has(d.baseId) === onLegacy),
        ).length;
      expect(total(year, (f) => f.to === 'merged')).toBe(count('merge'));
      expect(total(year, (f) => f.to === 'revoked')).toBe(count('revoke'));
      expect(total(year, (f) => f.to !== 'merged' && f.to !== 'revoked')).toBe(
        count('include', true) + count('convert'),
      );
    }
    expect(flows.filter((f) => f.year === 2024 && f.to === 'B3')).toEqual([
      { year: 2024, from: 'B4', to: 'B3', count: 1 },
    ]);
  });
});

describe('pinggu registry with registry bundles', () => {
  it('lists a base only a registry bundle knows as it records it; the result bundles decide the rest', async () => {
    const plain = parse((await registry(years)).out);
    const merged = plain.bases.find((b) => b.status === 'merged');
    const stale = knownBase({
      code: merged?.code ?? '',
      status: 'active',
      rectifyUntil: undefined,
      history: [],
    });
    const file = await registryBundle(
      'known.pgb',
      [knownBase({}), stale],
      '2026-01-05T02:00:00.000Z',
    );
    const mixed = await registry([file, ...years]);
    expect(mixed.code, mixed.err).toBe(0);
    const output = parse(mixed.out);
    expect(output.flows).toEqual(plain.flows);
    expect(output.bases.filter((b) => b.code !== 'LN-A1-900')).toEqual(plain.bases);
    expect(output.bases.find((b) => b.code === 'LN-A1-900')).toEqual({
      code: 'LN-A1-900',
      name: '辽宁省极地海洋环境重点实验室',
      category: 'A',
      type: 'A1',
      status: 'rectifying',
      rectifyUntil: '2026-06-30',
      history: [
        {
          roundId: 'round-2021',
          year: 2021,
          aggregate: 57.5,
          grade: 'fail',
          disposition: 'rectify',
        },
      ],
    });
    const reordered = await registry([years[2] ?? '', file, years[0] ?? '', years[1] ?? '']);
    expect(reordered.out).toBe(mixed.out);
  });

  it('takes the newest registry bundle’s record of a known base, whatever the order', async () => {
    const older = await registryBundle('older.pgb', [knownBase({})], '2026-01-05T02:00:00.000Z');
    const newer = await registryBundle(
      'newer.pgb',
      [knownBase({ status: 'active', rectifyUntil: undefined, name: '辽宁省极地环境重点实验室' })],
      '2026-03-01T02:00:00.000Z',
    );
    const a = await registry([older, newer]);
    const b = await registry([newer, older]);
    expect(a.code, a.err).toBe(0);
    expect(b.out).toBe(a.out);
    expect(parse(a.out)).toEqual({
      bases: [
        {
          code: 'LN-A1-900',
          name: '辽宁省极地环境重点实验室',
          category: 'A',
          type: 'A1',
          status: 'active',
          history: [
            {
              roundId: 'round-2021',
              year: 2021,
              aggregate: 57.5,
              grade: 'fail',
              disposition: 'rectify',
            },
          ],
        },
      ],
      flows: [],
    });
  });
});

describe('pinggu registry refuses', () => {
  it('the result bundle of a round that is not closed: exit 2, nothing on stdout', async () => {
    const merged = await runCli(
      ['merge', '--out', 'open-result.pgb', ...demo.rounds, ...demo.scores],
      { cwd: demo.dir },
    );
    expect(merged.code, merged.stderr).toBe(0);
    const open = path.join(demo.dir, 'open-result.pgb');
    const result = await registry([...years, open]);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(lines(result.err)[0]).toMatch(
      /^registry: REFUSED .*open-result\.pgb: the round is not closed: .*\(roundOpen: .*尚未结束评估/,
    );
    expect(lines(result.err).at(-1)).toBe('registry: 1 file refused; nothing printed');
    expect(hasStackTrace(result.err)).toBe(false);
  });

  it('a damaged file, and a bundle of another kind: exit 2, nothing on stdout', async () => {
    const damaged = path.join(demo.dir, 'damaged.pgb');
    await writeFile(damaged, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    const result = await registry([years[0] ?? '', damaged, demo.rounds[0] ?? '']);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    const [first, second, last] = lines(result.err);
    expect(first).toMatch(/^registry: REFUSED .*damaged\.pgb: /);
    expect(second).toMatch(/^registry: REFUSED .*round-panel-1\.pgb: This is a round bundle/);
    expect(last).toBe('registry: 2 files refused; nothing printed');
  });

  it('no file at all: the usage, exit 1', async () => {
    const result = await runCli(['registry']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Usage: pinggu registry FILE...');
  });
});
