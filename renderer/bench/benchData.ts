// The bundles of a benchmark round, written by scripts/bench/round/generate.ts and served
// beside the bench page under data/<set>/: index.json and the .pgb files, fetched before
// anything is timed.

export type BenchFileInfo = {
  panelId: string;
  round: string;
  scores: string;
  roundBytes: number;
  scoresBytes: number;
  /** The score bundle's payload JSON, inflated. */
  scoresJsonBytes: number;
  sheets: number;
  scoreCount: number;
};

export type BenchIndex = {
  roundId: string;
  panels: number;
  bases: number;
  sheets: number;
  scores: number;
  files: BenchFileInfo[];
};

export type BenchFile = { name: string; bytes: Uint8Array };

export type BenchSet = {
  index: BenchIndex;
  /** The first `panels` panels' files, in panel order. */
  files: BenchFileInfo[];
  rounds: BenchFile[];
  scores: BenchFile[];
};

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** index.json and the bundles of the first `panels` panels (all when omitted) of a set. */
export async function loadBenchSet(set: string, panels?: number): Promise<BenchSet> {
  const base = `data/${encodeURIComponent(set)}/`;
  const response = await fetch(`${base}index.json`);
  if (!response.ok) throw new Error(`no benchmark data "${set}" (HTTP ${response.status})`);
  const index = (await response.json()) as BenchIndex;
  const count = panels ?? index.files.length;
  if (count > index.files.length) {
    throw new Error(`data "${set}" has ${index.files.length} panels, not ${count}`);
  }
  const files = index.files.slice(0, count);
  const rounds: BenchFile[] = [];
  const scores: BenchFile[] = [];
  for (const file of files) {
    rounds.push({ name: file.round, bytes: await fetchBytes(base + file.round) });
    scores.push({ name: file.scores, bytes: await fetchBytes(base + file.scores) });
  }
  return { index, files, rounds, scores };
}

export const sumOf = (files: readonly BenchFileInfo[], key: keyof BenchFileInfo): number =>
  files.reduce((n, f) => n + Number(f[key]), 0);
