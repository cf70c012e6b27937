// The benchmark rounds as files: .bench/data/<set>/ holds the round and score bundles of a
// round of N panels (scripts/bench/round/generate.ts, built to .bench/node/generate.mjs)
// and index.json. A set is regenerated only when the generator's build changed, so runs
// reuse identical bytes. The bench page reaches the sets as data/<set>/ (a link from
// .bench/page/data to .bench/data).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR, GENERATOR_FILE, PAGE_DIR } from './build.mjs';

export const DATA_DIR = join(BENCH_DIR, 'data');

/** The folder of a set, generated if missing or stale; returns { dir, index }. */
export function ensureSet(set, panels) {
  if (!existsSync(GENERATOR_FILE)) {
    throw new Error(`${GENERATOR_FILE} is missing: run without --no-build once`);
  }
  const dir = join(DATA_DIR, set);
  const stamp = `${createHash('sha256').update(readFileSync(GENERATOR_FILE)).digest('hex')} ${panels}`;
  const stampFile = join(dir, 'stamp.txt');
  const fresh =
    existsSync(stampFile) &&
    readFileSync(stampFile, 'utf8') === stamp &&
    existsSync(join(dir, 'index.json'));
  if (!fresh) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const result = spawnSync(process.execPath, [GENERATOR_FILE, dir, String(panels)], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (result.status !== 0) throw new Error(`generating ${set} failed`);
    writeFileSync(stampFile, stamp);
  }
  linkDataIntoPage();
  return { dir, index: JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) };
}

/** Every bundle of a set, round bundles first, as paths. */
export function setFiles(dir) {
  const names = readdirSync(dir).filter((n) => n.endsWith('.pgb'));
  return [
    ...names.filter((n) => n.startsWith('round-')).sort(),
    ...names.filter((n) => n.startsWith('scores-')).sort(),
  ].map((n) => join(dir, n));
}

function linkDataIntoPage() {
  const link = join(PAGE_DIR, 'data');
  if (existsSync(link)) return;
  mkdirSync(PAGE_DIR, { recursive: true });
  symlinkSync('../data', link, 'dir');
}
