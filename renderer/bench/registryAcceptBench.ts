// registry_accept_ms (?bench=registryAccept&panels=100&runs=5&warmup=1): the department
// accepts one closed round's result bundle into its registry (省厅基地库), from the file's
// bytes to the committed registry, through the registry area's own repository:
// prepareAcceptance (openBundle with every check, SHA-256 of the file, condensing, planning
// against the stored registry) then commitAcceptance (one transaction, audited).
//
// The bundle is the benchmark round (scripts/bench/round/largeRound.ts: 10 bases and 7
// experts per panel, every sheet submitted) closed as the secretariat closes a round: a
// final decision with its basis (aggregate, method, grade, sheets) for every base, signed
// with a key made in the page. Its decisions re-sort the bases as a real round's do: legacy
// bases included into their new type (纳入), failing ones under rectification or revoked,
// a few converted (转) and a few merged (合并) into a base of their type. It is written
// before anything is timed; each run accepts it into a fresh, empty registry database.
import { createBundle, openBundle } from '../../shared/bundle/bundle';
import { generateSigningKeyPair } from '../../shared/bundle/bundleCrypto';
import type { ResultPayload } from '../../shared/bundle/payload';
import { computeRoundResults } from '../../shared/domain/results';
import type {
  Base,
  BaseTypeCode,
  Disposition,
  FinalDecision,
  LegacyTypeCode,
} from '../../shared/domain/types';
import { largeRound } from '../../scripts/bench/round/largeRound';
import { commitAcceptance, prepareAcceptance } from '../db/repositories/registryRepository';
import { freshDatabase } from './importRuns';

const DB_NAME = 'pinggu-bench-registry-accept';
const CLOSED_AT = '2024-06-20T08:00:00.000Z';
const ACTOR = '省科技厅 基地处';

/** The legacy type a base of the new type came from, for the bases made legacy here. */
const LEGACY_OF: Partial<Record<BaseTypeCode, LegacyTypeCode>> = {
  A1: 'keyLaboratory',
  B1: 'engineeringResearchCenter',
  B3: 'industrialGenericPlatform',
  B4: 'engineeringTechnologyCenter',
  B5: 'clinicalResearchCenter',
};

/** 转: a type of the same category to convert to. */
const CONVERT_TO: Partial<Record<BaseTypeCode, BaseTypeCode>> = {
  B1: 'B4',
  B2: 'B3',
  B3: 'B4',
  B4: 'B1',
  C1: 'C2',
};

const progress = (text: string): void => console.info(`[bench] ${text}`);

const intParam = (params: URLSearchParams, name: string, fallback: number): number => {
  const value = Number(params.get(name) ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`bad ${name}: ${params.get(name)}`);
  return value;
};

/** Every other base of a type with a legacy counterpart is a legacy base awaiting 纳入. */
function withLegacyTypes(bases: readonly Base[]): Base[] {
  return bases.map((base, i) => {
    const legacyType = LEGACY_OF[base.type];
    return legacyType !== undefined && i % 2 === 0 ? { ...base, legacyType } : base;
  });
}

/** The closed round's final decisions, one per base, with the basis closing records. */
function decisionsOf(payload: Omit<ResultPayload, 'decisions'>): FinalDecision[] {
  const results = computeRoundResults(payload.round, payload.bases, payload.scoresheets);
  const byId = new Map(results.map((r) => [r.base.id, r]));
  const dispositions = new Map<string, Disposition>();
  payload.bases.forEach((base, i) => {
    const grade = byId.get(base.id)?.grade ?? null;
    const convertTo = CONVERT_TO[base.type];
    if (grade === 'fail') {
      dispositions.set(base.id, i % 3 === 0 ? { code: 'revoke' } : { code: 'rectify' });
    } else if (base.legacyType !== undefined) {
      dispositions.set(base.id, { code: 'include', targetType: base.type });
    } else if (convertTo !== undefined && i % 40 === 3) {
      dispositions.set(base.id, { code: 'convert', targetType: convertTo });
    } else {
      dispositions.set(base.id, { code: 'keepAdjust' });
    }
  });
  // A few 合并: into the next base of the same type that carries on (kept or included).
  payload.bases.forEach((base, i) => {
    if (i % 50 !== 25 || dispositions.get(base.id)?.code !== 'keepAdjust') return;
    const target = payload.bases.find(
      (other, j) =>
        j > i &&
        j % 50 !== 25 &&
        other.type === base.type &&
        ['keepAdjust', 'include'].includes(dispositions.get(other.id)?.code ?? ''),
    );
    if (target !== undefined) {
      dispositions.set(base.id, { code: 'merge', targetBaseId: target.id });
    }
  });
  return payload.bases.map((base) => {
    const result = byId.get(base.id);
    const disposition = dispositions.get(base.id) ?? { code: 'keepAdjust' };
    return {
      id: `decision-${base.id}`,
      roundId: base.roundId,
      baseId: base.id,
      disposition,
      reason: '专家组评议，省科技厅审定',
      decidedAt: CLOSED_AT,
      decidedBy: '秘书处 王芳',
      basis: {
        aggregate: result?.aggregate ?? null,
        method: result?.method ?? payload.round.aggregation.method,
        grade: result?.grade ?? null,
        sheets: result?.sheets ?? 0,
        recordedAt: CLOSED_AT,
      },
    };
  });
}

/** The signed result bundle of the benchmark round of `panels` panels, closed (version 1). */
async function resultBundle(panels: number) {
  const data = largeRound(panels);
  const round = {
    ...data.round,
    status: 'closed' as const,
    closure: { version: 1, closedAt: CLOSED_AT, closedBy: '秘书处 王芳' },
  };
  const undecided = {
    round,
    templates: data.templates,
    bases: withLegacyTypes(data.bases),
    panels: data.panels,
    experts: data.experts,
    assignments: data.assignments,
    changes: [],
    scoresheets: data.scoresheets,
    provenance: { keysVerified: false, panelKeys: [] },
  };
  const payload: ResultPayload = { ...undecided, decisions: decisionsOf(undecided) };
  const signer = await generateSigningKeyPair(crypto);
  const bytes = await createBundle({
    kind: 'result',
    roundId: round.id,
    payload,
    deviceId: 'secretariat-pc',
    appVersion: '0.1.0',
    createdAt: CLOSED_AT,
    signer,
    crypto,
  });
  const changes = payload.decisions.reduce<Record<string, number>>((counts, d) => {
    counts[d.disposition.code] = (counts[d.disposition.code] ?? 0) + 1;
    return counts;
  }, {});
  return { bytes, bases: payload.bases.length, sheets: payload.scoresheets.length, changes };
}

export async function registryAcceptBench(params: URLSearchParams) {
  const panels = intParam(params, 'panels', 100);
  const runs = intParam(params, 'runs', 5);
  const warmup = intParam(params, 'warmup', 1);
  progress(`writing the result bundle of ${panels * 10} bases`);
  const bundle = await resultBundle(panels);
  const ms: number[] = [];
  // Where the time goes: the prepare and commit steps, and opening the bundle alone (timed
  // apart, after each run, so the figure is the two steps only).
  const parts = { prepareMs: [] as number[], commitMs: [] as number[], openMs: [] as number[] };
  let stored = { rounds: 0, bases: 0, changes: 0 };
  for (let i = 0; i < warmup + runs; i += 1) {
    const db = await freshDatabase(DB_NAME);
    try {
      const deps = { crypto, now: () => new Date().toISOString(), actor: ACTOR };
      const t0 = performance.now();
      const prepared = await prepareAcceptance(db, bundle.bytes, '结果包.pgb', deps);
      const t1 = performance.now();
      if (!prepared.ok) throw new Error(`prepare refused: ${prepared.error.message}`);
      const committed = await commitAcceptance(db, prepared.value, deps);
      const elapsed = performance.now() - t0;
      parts.prepareMs.push(t1 - t0);
      parts.commitMs.push(elapsed - (t1 - t0));
      const t2 = performance.now();
      const opened = await openBundle(bundle.bytes, { crypto, expectedKinds: ['result'] });
      parts.openMs.push(performance.now() - t2);
      if (!opened.ok) throw new Error(`open refused: ${opened.error.message}`);
      if (!committed.ok) throw new Error(`commit refused: ${committed.error.message}`);
      if (!committed.value.written) throw new Error(`nothing written (${committed.value.action})`);
      const rounds = await db.registryRounds.toArray();
      stored = {
        rounds: rounds.length,
        bases: rounds[0]?.bases.length ?? 0,
        changes: committed.value.changes.length,
      };
      if (stored.bases !== bundle.bases) {
        throw new Error(`${stored.bases} bases stored, expected ${bundle.bases}`);
      }
      ms.push(elapsed);
      progress(`${i < warmup ? 'warm-up' : 'run'} ${i + 1}: ${Math.round(elapsed)} ms`);
    } finally {
      await db.delete();
    }
  }
  return {
    ms,
    ...parts,
    warmup,
    bases: bundle.bases,
    sheets: bundle.sheets,
    bytes: bundle.bytes.length,
    decisions: bundle.changes,
    stored,
  };
}
