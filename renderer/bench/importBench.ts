// The import benchmarks of the bench page. Each returns raw times of every iteration
// (warm-ups first); scripts/bench computes medians and ratios from them.
//
// import  (?bench=import&set=S&runs=5&warmup=1): per iteration the floor, our pipeline,
//         PouchDB and our writes alone each import all score bundles of set S (order rotated
//         per iteration, so no mode always runs first), with the heap sampled during ours
//         and the floor.
// scaling (?bench=scaling&set=S&sizes=6,24,96&runs=5&warmup=1): our pipeline on rounds made
//         of the first k panels of S, for each k of sizes (order rotated per iteration);
//         its warm-ups import the smallest round only and are not reported.
// batch   (?bench=batch&set=S&count=50&runs=5&warmup=1): the secretariat's import of the
//         first `count` score bundles of S into a database holding the whole round's roster.
import { Dexie } from 'dexie';
import { sumOf, loadBenchSet } from './benchData';
import type { BenchFile, BenchSet } from './benchData';
import { batchImport, BATCH_LABEL } from './batchRun';
import {
  freshDatabase,
  freshPouch,
  importFloor,
  importOurs,
  pouchDocs,
  putRoster,
  readSheetsUnchecked,
  writeOnly,
  writePouch,
} from './importRuns';
import type { ImportMode } from './importRuns';
import type { BatchProgress } from '../db/bundles/batchTypes';
import { collectGarbage, heapUsed, startHeapSampler } from './memory';

export type ImportRun = {
  ms: number;
  peakBytes?: number;
  baselineBytes?: number;
  /** The heap after the import and a forced collection, above the baseline: what it keeps. */
  retainedBytes?: number;
  /** Ours: from the start to the first commit (prepareBatch: open, check, preview every file). */
  prepareMs?: number;
};

const DB_NAME = 'pinggu-bench-import';

/** A progress line the harness prints (scripts/bench/browser.mjs forwards `[bench]` lines). */
const progress = (text: string): void => console.info(`[bench] ${text}`);
const POUCH_NAME = 'pinggu-bench-pouch';

const intParam = (params: URLSearchParams, name: string, fallback: number): number => {
  const value = Number(params.get(name) ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`bad ${name}: ${params.get(name)}`);
  return value;
};

const rotated = <T>(items: readonly T[], by: number): T[] =>
  items.map((_, i) => items[(i + by) % items.length]).filter((x): x is T => x !== undefined);

async function expectSheets(count: number, expected: number, mode: string): Promise<void> {
  if (count !== expected) throw new Error(`${mode}: ${count} sheets stored, expected ${expected}`);
}

const sliceSet = (data: BenchSet, panels: number): BenchSet => ({
  index: data.index,
  files: data.files.slice(0, panels),
  rounds: data.rounds.slice(0, panels),
  scores: data.scores.slice(0, panels),
});

async function runMode(mode: ImportMode, data: BenchSet): Promise<ImportRun> {
  const expected = sumOf(data.files, 'sheets');
  if (mode === 'pouch') {
    const docs = await pouchDocs(data.scores);
    const pouch = await freshPouch(POUCH_NAME);
    collectGarbage();
    const start = performance.now();
    const written = await writePouch(pouch, docs);
    const ms = performance.now() - start;
    await expectSheets((await pouch.info()).doc_count, expected, mode);
    await expectSheets(written, expected, mode);
    await pouch.close();
    return { ms };
  }
  if (mode === 'writes') {
    const sheets = await Promise.all(data.scores.map(readSheetsUnchecked));
    const db = await freshDatabase(DB_NAME);
    await putRoster(db, data.rounds);
    collectGarbage();
    const start = performance.now();
    const written = await writeOnly(db, sheets);
    const ms = performance.now() - start;
    await expectSheets(written, expected, mode);
    db.close();
    return { ms };
  }
  const db = await freshDatabase(DB_NAME);
  await putRoster(db, data.rounds);
  const sampler = await startHeapSampler();
  let committing: number | undefined;
  const onStep = (step?: BatchProgress) => {
    sampler.sample();
    if (step?.phase === 'importing' && committing === undefined) committing = performance.now();
  };
  const start = performance.now();
  const stored =
    mode === 'ours'
      ? await importOurs(db, data.scores, data.index.roundId, onStep)
      : await importFloor(db, data.scores, sampler.sample);
  const ms = performance.now() - start;
  const heap = sampler.stop();
  collectGarbage();
  const retained = (heapUsed() ?? Number.NaN) - heap.baseline;
  await expectSheets(stored, expected, mode);
  await expectSheets(await db.scoresheets.count(), expected, mode);
  db.close();
  return {
    ms,
    peakBytes: heap.peak - heap.baseline,
    baselineBytes: heap.baseline,
    retainedBytes: retained,
    ...(committing === undefined ? {} : { prepareMs: committing - start }),
  };
}

export async function importBench(params: URLSearchParams) {
  const set = params.get('set') ?? '';
  const iterations = intParam(params, 'warmup', 1) + intParam(params, 'runs', 5);
  // `modes=ours` (any of the four, comma-separated) runs some only: for profiling one of them.
  const modes = (params.get('modes') ?? 'floor,ours,pouch,writes')
    .split(',')
    .filter((m): m is ImportMode => ['floor', 'ours', 'pouch', 'writes'].includes(m));
  const warmup = intParam(params, 'warmup', 1);
  const data = await loadBenchSet(set);
  // Warm-ups (JIT, IndexedDB, caches) need not be full size: the first `warmupPanels`.
  const warmupData = sliceSet(data, intParam(params, 'warmupPanels', data.files.length));
  const runs: Record<ImportMode, ImportRun[]> = { ours: [], floor: [], pouch: [], writes: [] };
  for (let i = 0; i < iterations; i += 1) {
    for (const mode of rotated(modes, i)) {
      const run = await runMode(mode, i < warmup ? warmupData : data);
      runs[mode].push(run);
      progress(`import ${mode} ${i + 1}/${iterations}: ${Math.round(run.ms)} ms`);
    }
  }
  await cleanup();
  return {
    name: 'import',
    warmup,
    panels: data.files.length,
    sheets: sumOf(data.files, 'sheets'),
    scores: sumOf(data.files, 'scoreCount'),
    bundleBytes: sumOf(data.files, 'scoresBytes'),
    uncompressedBytes: sumOf(data.files, 'scoresJsonBytes'),
    memorySource: heapUsed() === undefined ? 'unavailable' : 'performance.memory',
    gc: collectGarbage(),
    runs,
  };
}

/** Leaves no benchmark database behind in the profile. */
async function cleanup(): Promise<void> {
  await Dexie.delete(DB_NAME);
  const pouch = await freshPouch(POUCH_NAME);
  await pouch.destroy();
}

async function timeOurs(
  rounds: readonly BenchFile[],
  scores: readonly BenchFile[],
  roundId: string,
) {
  const db = await freshDatabase(DB_NAME);
  await putRoster(db, rounds);
  collectGarbage();
  const start = performance.now();
  await importOurs(db, scores, roundId);
  const ms = performance.now() - start;
  const expected = scores.length;
  if (expected > 0 && (await db.scoresheets.count()) === 0) throw new Error('nothing imported');
  db.close();
  return ms;
}

export async function scalingBench(params: URLSearchParams) {
  const set = params.get('set') ?? '';
  const sizes = (params.get('sizes') ?? '').split(',').map(Number);
  if (sizes.some((k) => !Number.isInteger(k) || k < 1)) throw new Error('bad sizes');
  const iterations = intParam(params, 'warmup', 1) + intParam(params, 'runs', 5);
  const data = await loadBenchSet(set, Math.max(...sizes));
  const times: Record<string, number[]> = Object.fromEntries(sizes.map((k) => [String(k), []]));
  const warmup = intParam(params, 'warmup', 1);
  for (let i = 0; i < iterations; i += 1) {
    // A warm-up imports the smallest round only: it warms the code, not the measurement.
    for (const k of i < warmup ? [Math.min(...sizes)] : rotated(sizes, i)) {
      const ms = await timeOurs(
        data.rounds.slice(0, k),
        data.scores.slice(0, k),
        data.index.roundId,
      );
      if (i >= warmup) times[String(k)]?.push(ms);
      progress(`scaling ${k} panels ${i + 1}/${iterations}: ${Math.round(ms)} ms`);
    }
  }
  await cleanup();
  return {
    name: 'scaling',
    warmup,
    sizes: sizes.map((k) => ({
      panels: k,
      sheets: sumOf(data.files.slice(0, k), 'sheets'),
      ms: times[String(k)] ?? [],
    })),
  };
}

export async function batchBench(params: URLSearchParams) {
  const set = params.get('set') ?? '';
  const count = intParam(params, 'count', 50);
  const iterations = intParam(params, 'warmup', 1) + intParam(params, 'runs', 5);
  const data = await loadBenchSet(set);
  if (data.scores.length < count) throw new Error(`set ${set} has fewer than ${count} bundles`);
  const files = data.scores.slice(0, count);
  const expected = sumOf(data.files.slice(0, count), 'sheets');
  const ms: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const db = await freshDatabase(DB_NAME);
    await putRoster(db, data.rounds);
    collectGarbage();
    const start = performance.now();
    const added = await batchImport(db, files, data.index.roundId);
    ms.push(performance.now() - start);
    progress(`batch ${i + 1}/${iterations}: ${Math.round(ms[i] ?? 0)} ms`);
    if (added !== expected) throw new Error(`batch: ${added} sheets added, expected ${expected}`);
    db.close();
  }
  await cleanup();
  return {
    name: 'batch',
    warmup: intParam(params, 'warmup', 1),
    label: BATCH_LABEL,
    count,
    sheets: expected,
    ms,
  };
}
