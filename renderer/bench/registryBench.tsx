// registry (?bench=registry&rounds=10&bases=1000&runs=9&warmup=2), for registry_10y_ms: with
// `rounds` accepted rounds of `bases` bases each in the page's own app database (registryData
// .ts, written before anything is timed), mounts the registry's bases table (BasesTab, the 基地库
// tab) and the Sankey of 有进有出 (SankeyCard, as FlowsTab shows it, all years) into a fresh root
// and times performance.now() from just before the mount until the frame after the table's
// first page of rows and every Sankey node are in the DOM (animation frame, then a macrotask).
// Inside the timed span each view reads the approvals and rounds from IndexedDB through its
// live query and folds them (buildRegistry), as the app does; the two views fold separately,
// so the figure counts the read and the fold twice. Each view is then also timed alone (as on
// its own tab), and the untimed breakdown (read, fold, flows) is reported.
import { App as AntApp, ConfigProvider } from 'antd';
import zhCNLocale from 'antd/locale/zh_CN';
import { Dexie } from 'dexie';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { buildRegistry } from '../../shared/registry/fold';
import { registryFlows, sankeyData, yearTypeCounts } from '../../shared/registry/flows';
import { initI18n } from '../app/i18n';
import { createDatabase, DEFAULT_DATABASE_NAME } from '../db/database';
import { loadRegistryInputs, useRegistryState } from '../db/registryHooks';
import { BasesTab } from '../features/registry/BasesTab';
import { useFlowsData } from '../features/registry/FlowsTab';
import { SankeyCard } from '../features/registry/flows/FlowsCards';
import { countYears } from '../features/registry/flows/flowsView';
import { syntheticRegistry } from './registryData';

const FIRST_PAGE = 50;

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const RegistrySankey = () => {
  const data = useFlowsData(useRegistryState());
  if (data === undefined) return null;
  const years = countYears(data.counts);
  const from = years[0];
  const to = years.at(-1);
  if (from === undefined || to === undefined) return null;
  return <SankeyCard flows={data.flows} query={{ from, to }} />;
};

/** Waits until the table's first page of rows and every Sankey node are in the DOM. */
async function waitUntil(host: HTMLElement, rows: number, nodes: number): Promise<void> {
  const deadline = performance.now() + 60_000;
  for (;;) {
    await nextFrame();
    const shownRows = host.querySelectorAll('[data-testid^="registry-base-row-"]').length;
    const shownNodes = host.querySelectorAll('.registry-sankey-node').length;
    if (shownRows >= rows && shownNodes >= nodes) return;
    if (performance.now() > deadline) {
      throw new Error(`only ${shownRows} of ${rows} rows and ${shownNodes} of ${nodes} nodes`);
    }
  }
}

type View = 'both' | 'table' | 'sankey';

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
};

/** Times `work` three times and keeps the median (the untimed breakdown). */
async function timed<T>(work: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const times: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < 3; i += 1) {
    const start = performance.now();
    value = await work();
    times.push(performance.now() - start);
  }
  if (value === undefined) throw new Error('nothing measured');
  return { ms: median(times), value };
}

export async function registryBench(container: HTMLElement, params: URLSearchParams) {
  const roundCount = Number(params.get('rounds') ?? 10);
  const perRound = Number(params.get('bases') ?? 1000);
  const runs = Math.max(1, Number(params.get('runs') ?? 9));
  const warmup = Math.max(0, Number(params.get('warmup') ?? 2));
  const i18n = await initI18n('zh-CN');

  const data = syntheticRegistry(roundCount, perRound);
  await Dexie.delete(DEFAULT_DATABASE_NAME);
  const seeded = createDatabase(DEFAULT_DATABASE_NAME);
  await seeded.open();
  await seeded.registryApprovals.bulkPut(data.approvals);
  await seeded.registryRounds.bulkPut(data.rounds);
  const read = await timed(() => loadRegistryInputs(seeded));
  seeded.close();
  const fold = await timed(() => buildRegistry(read.value.approvals, read.value.rounds));
  const state = fold.value;
  const flows = await timed(() => {
    const all = registryFlows(state);
    const counts = yearTypeCounts(state);
    return { all, counts, sankey: sankeyData(all) };
  });
  const rows = Math.min(FIRST_PAGE, state.bases.length);
  const nodes = flows.value.sankey.nodes.length;

  /** Mounts the views once: the time until what they show is drawn. */
  const mount = async (views: View): Promise<number> => {
    const host = document.createElement('div');
    host.style.width = '1200px';
    container.append(host);
    const root = createRoot(host);
    const start = performance.now();
    flushSync(() =>
      root.render(
        <I18nextProvider i18n={i18n}>
          <ConfigProvider locale={zhCNLocale} theme={{ token: { motion: false } }}>
            <AntApp>
              <MemoryRouter>
                {views === 'sankey' ? null : <BasesTab />}
                {views === 'table' ? null : <RegistrySankey />}
              </MemoryRouter>
            </AntApp>
          </ConfigProvider>
        </I18nextProvider>,
      ),
    );
    await waitUntil(host, views === 'sankey' ? 0 : rows, views === 'table' ? 0 : nodes);
    await nextTask();
    const ms = performance.now() - start;
    root.unmount();
    host.remove();
    await nextFrame();
    return ms;
  };
  // The three mounts take turns, so whatever the browser does in the background (IndexedDB
  // compacting what was just written, a collection) falls on all of them alike.
  const times: number[] = [];
  const tableOnly: number[] = [];
  const sankeyOnly: number[] = [];
  for (let i = 0; i < warmup + runs; i += 1) {
    times.push(await mount('both'));
    const table = await mount('table');
    const sankey = await mount('sankey');
    if (i >= warmup) {
      tableOnly.push(table);
      sankeyOnly.push(sankey);
    }
  }
  const measured = times.slice(warmup);
  return {
    name: 'registry',
    rounds: data.rounds.length,
    outcomes: data.rounds.reduce((sum, round) => sum + round.bases.length, 0),
    approvals: data.approvals.length,
    registryBases: state.bases.length,
    events: state.events.length,
    flows: flows.value.all.length,
    rows,
    sankeyNodes: nodes,
    readMs: read.ms,
    foldMs: fold.ms,
    flowsMs: flows.ms,
    runs: measured,
    warmups: times.slice(0, warmup),
    median: median(measured),
    /** Each view mounted alone (as on its own tab): medians. */
    tableOnlyMs: median(tableOnly),
    sankeyOnlyMs: median(sankeyOnly),
  };
}
