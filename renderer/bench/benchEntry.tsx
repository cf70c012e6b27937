// Browser side of `npm run bench` (scripts/bench.mjs), on the bench page (renderer/bench/
// index.html, built on its own: none of it is in the app's bundle). `?bench=<name>` picks
// the benchmark; the report is published as JSON in <body data-bench-report>, with
// data-bench-done="ok" | "error", for the harness to read. ranking is below; import,
// scaling and batch are in importBench.ts, workbook in workbookBench.ts, seed (the app's
// database filled for screens_1000_max_ms) in screensSeed.ts, phases (the import's breakdown)
// in importPhases.ts.
//
// ranking (?bench=ranking&n=1000&runs=7&warmup=2): mounts the ranking chart of n generated
// bases into a fresh root and times performance.now() from just before the mount until the
// frame after all n bars are in the DOM (animation frame, then a macrotask so that frame's
// style, layout and paint are done). The selector (rankingChart) runs inside the timed
// render, as it does on the dashboard; computeRoundResults (loading) does not.
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { rankingChart } from '../../shared/charts/ranking';
import { computeRoundResults } from '../../shared/domain/results';
import type { BaseResult } from '../../shared/domain/results';
import type { Round } from '../../shared/domain/types';
import { initI18n } from '../app/i18n';
import { RankingChart } from '../features/dashboard/charts/RankingChart';
import { batchBench, importBench, scalingBench } from './importBench';
import { phasesBench } from './importPhases';
import { seedBench } from './screensSeed';
import { registryAcceptBench } from './registryAcceptBench';
import { registryBench } from './registryBench';
import { workbookBench } from './workbookBench';
import { syntheticRound } from './syntheticRound';

export type BenchReport = {
  name: string;
  n: number;
  runs: number[];
  warmups: number[];
  median: number;
  marks: number;
  error?: string;
};

const BENCH_WIDTH = 1100;

const BenchRanking = ({ round, results }: { round: Round; results: readonly BaseResult[] }) => {
  const data = rankingChart({ results, round, scope: { kind: 'type', type: 'A1' } });
  return <RankingChart data={data} width={BENCH_WIDTH} />;
};

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function waitForMarks(host: HTMLElement, selector: string, count: number): Promise<number> {
  const deadline = performance.now() + 60_000;
  for (;;) {
    await nextFrame();
    const found = host.querySelectorAll(selector).length;
    if (found >= count) return found;
    if (performance.now() > deadline) throw new Error(`only ${found} of ${count} marks drawn`);
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  const lower = sorted[middle - 1] ?? upper;
  return sorted.length % 2 === 1 ? upper : (lower + upper) / 2;
}

async function rankingBench(container: HTMLElement, params: URLSearchParams): Promise<BenchReport> {
  const n = Number(params.get('n') ?? 1000);
  const runs = Math.max(1, Number(params.get('runs') ?? 7));
  const warmup = Math.max(0, Number(params.get('warmup') ?? 2));
  const i18n = await initI18n('zh-CN');
  const { round, bases, scoresheets } = syntheticRound(n);
  const results = computeRoundResults(round, bases, scoresheets);
  const times: number[] = [];
  let marks = 0;
  for (let i = 0; i < warmup + runs; i += 1) {
    const host = document.createElement('div');
    container.append(host);
    const root = createRoot(host);
    const start = performance.now();
    flushSync(() =>
      root.render(
        <I18nextProvider i18n={i18n}>
          <BenchRanking round={round} results={results} />
        </I18nextProvider>,
      ),
    );
    marks = await waitForMarks(host, '.ranking-bar', n);
    await nextTask();
    times.push(performance.now() - start);
    root.unmount();
    host.remove();
    await nextFrame();
  }
  const measured = times.slice(warmup);
  return {
    name: 'ranking',
    n,
    runs: measured,
    warmups: times.slice(0, warmup),
    median: median(measured),
    marks,
  };
}

const BENCHES: Record<
  string,
  (container: HTMLElement, params: URLSearchParams) => Promise<object>
> = {
  ranking: rankingBench,
  import: (_container, params) => importBench(params),
  scaling: (_container, params) => scalingBench(params),
  batch: (_container, params) => batchBench(params),
  workbook: (_container, params) => workbookBench(params),
  seed: (_container, params) => seedBench(params),
  phases: (_container, params) => phasesBench(params),
  registryAccept: (_container, params) => registryAcceptBench(params),
  registry: registryBench,
};

export async function startBench(container: HTMLElement, search: string): Promise<void> {
  const params = new URLSearchParams(search);
  const name = params.get('bench') ?? '';
  let report: object;
  try {
    const bench = Object.hasOwn(BENCHES, name) ? BENCHES[name] : undefined;
    if (bench === undefined) throw new Error(`unknown bench "${name}"`);
    report = await bench(container, params);
  } catch (error) {
    report = { name, error: error instanceof Error ? error.message : String(error) };
  }
  document.body.dataset.benchReport = JSON.stringify(report);
  document.body.dataset.benchDone = 'error' in report ? 'error' : 'ok';
}
