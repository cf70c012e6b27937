// merge_node_ms: the secretariat CLI on the round's bundles in Node: `pinggu merge` of every
// round and score bundle of the 1,000-base round (--quick: 200 bases) into a signed result
// bundle, then `pinggu report` of it as JSON, each a fresh `node` process (start-up
// included, as a clerk runs it). The value is merge + report; the detail gives each and its
// peak RSS. The CLI is the one built from the current sources into .bench/cli (the same
// build as dist-cli/, which `node cli/pinggu.mjs` runs).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CLI_FILE } from './build.mjs';
import { ensureSet, setFiles } from './data.mjs';
import { benchPlan } from './plan.mjs';
import { formatMb, formatRuns, measuredRuns, median } from './stats.mjs';

const HOOK = resolve('scripts/bench/rssHook.mjs');

function timedCli(args, home) {
  const rssFile = join(home, 'rss.txt');
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', HOOK, CLI_FILE, ...args], {
    env: { ...process.env, PINGGU_HOME: home, PINGGU_BENCH_RSS_FILE: rssFile },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) {
    throw new Error(
      `pinggu ${args[0]} exited ${result.status}: ${result.stderr.trim().split('\n').pop()}`,
    );
  }
  const usage = JSON.parse(readFileSync(rssFile, 'utf8'));
  return {
    ms,
    cpuMs: usage.cpuMicros / 1000,
    rssBytes: usage.maxRssKiB * 1024,
    stdout: result.stdout,
  };
}

export const mergeMeasurement = {
  id: 'merge_node_ms',
  unit: 'ms',
  target: 10_000,
  goal: 'atMost',
  digits: 0,
  describe: '`pinggu merge` + `pinggu report` of the 1,000-base round’s bundles (Node)',
  async run({ quick }) {
    const plan = benchPlan(quick);
    const { dir, index } = ensureSet(plan.set, plan.panels);
    const files = setFiles(dir);
    const home = mkdtempSync(join(tmpdir(), 'pinggu-bench-cli-'));
    try {
      const result = join(home, 'result.pgb');
      const reportFile = join(home, 'report.json');
      const runs = [];
      for (let i = 0; i < plan.warmup + plan.runs; i += 1) {
        const merge = timedCli(['merge', '--out', result, ...files], home);
        if (!merge.stdout.includes(`sheets: ${index.sheets},`)) {
          throw new Error(
            `merge did not report ${index.sheets} sheets: ${merge.stdout.trim().split('\n').pop()}`,
          );
        }
        const report = timedCli(['report', result, '--format', 'json', '--out', reportFile], home);
        const bases = JSON.parse(readFileSync(reportFile, 'utf8')).bases.length;
        if (bases !== index.bases)
          throw new Error(`report lists ${bases} bases, not ${index.bases}`);
        runs.push({ merge, report, total: merge.ms + report.ms });
      }
      const measured = measuredRuns(runs, plan.warmup, plan.runs);
      const of = (key) => measured.map((r) => r[key].ms);
      const cpu = (key) => Math.round(median(measured.map((r) => r[key].cpuMs)));
      const rss = (key) => Math.max(...measured.map((r) => r[key].rssBytes));
      const resultBytes = statSync(result).size;
      return {
        value: median(measured.map((r) => r.total)),
        detail:
          `${files.length} bundles (${index.bases} bases, ${index.sheets} sheets) → result bundle of ${formatMb(resultBytes)}. ` +
          `merge median ${Math.round(median(of('merge')))} ms wall [${formatRuns(of('merge'))}], ${cpu('merge')} ms CPU, peak RSS ${formatMb(rss('merge'))}; ` +
          `report (JSON) median ${Math.round(median(of('report')))} ms wall [${formatRuns(of('report'))}], ${cpu('report')} ms CPU, peak RSS ${formatMb(rss('report'))}; ` +
          `each a fresh node process (start-up included), ${plan.runs} runs after ${plan.warmup} warm-up`,
      };
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  },
};
