// `node .bench/node/generate.mjs OUT_DIR PANELS`: writes the benchmark round of PANELS
// panels (largeRound.ts) as bundles, OUT_DIR/round-panel-<k>.pgb and scores-panel-<k>.pgb
// (k = 001…), and OUT_DIR/index.json describing them (sizes, sheets, scores, the
// uncompressed size of each score bundle's payload). Built by scripts/bench/build.mjs.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { largeRound } from './largeRound';
import { derivedSigner, panelBundles } from './roundBundles';

/** Inflated size of a plain bundle's payload entries. */
function payloadJsonBytes(bundle: Uint8Array): number {
  const outer = unzipSync(bundle);
  const container = outer['payload.zip'];
  if (container === undefined) throw new Error('no payload.zip');
  return Object.values(unzipSync(container)).reduce((n, entry) => n + entry.length, 0);
}

async function main(): Promise<void> {
  const [out, panelsText] = process.argv.slice(2);
  const panels = Number(panelsText);
  if (out === undefined || !Number.isInteger(panels)) {
    throw new Error('usage: generate.mjs OUT_DIR PANELS');
  }
  const data = largeRound(panels);
  const secretariat = await derivedSigner(`${data.round.id}/secretariat`);
  await mkdir(out, { recursive: true });
  const files = [];
  for (let i = 0; i < data.panels.length; i += 1) {
    const bundles = await panelBundles(data, i, secretariat);
    const k = String(i + 1).padStart(3, '0');
    const round = `round-panel-${k}.pgb`;
    const scores = `scores-panel-${k}.pgb`;
    await writeFile(path.join(out, round), bundles.round);
    await writeFile(path.join(out, scores), bundles.scores);
    files.push({
      panelId: bundles.panelId,
      round,
      scores,
      roundBytes: bundles.round.length,
      scoresBytes: bundles.scores.length,
      scoresJsonBytes: payloadJsonBytes(bundles.scores),
      sheets: bundles.sheets,
      scoreCount: bundles.scoreCount,
    });
  }
  const index = {
    roundId: data.round.id,
    panels,
    bases: data.bases.length,
    sheets: data.scoresheets.length,
    scores: files.reduce((n, f) => n + f.scoreCount, 0),
    files,
  };
  await writeFile(path.join(out, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  process.stdout.write(
    `${out}: ${index.bases} bases, ${panels} panels, ${index.sheets} sheets, ${index.scores} scores\n`,
  );
}

await main();
