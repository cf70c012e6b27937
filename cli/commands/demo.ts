// `pinggu demo`: the demo round as the secretariat would send it and the panels would send
// it back: per panel one round bundle (signed by the secretariat) and one score bundle
// (signed by that panel's laptop); with --years N also N closed years of the demo registry
// as the secretariat's signed result bundles (shared/demo/years.ts). Everything derives from
// the seed, keys and timestamps included, so the same seed writes byte-identical files.
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { createBundle } from '../../shared/bundle/bundle';
import { DISPOSITION_CODES } from '../../shared/bundle/enums';
import { DEFAULT_DEMO_SEED, generateDemoRound } from '../../shared/demo/demoRound';
import type { DemoRound } from '../../shared/demo/demoRound';
import { createRng } from '../../shared/demo/random';
import { generateRegistry } from '../../shared/demo/roster';
import { generateDemoYears, MAX_DEMO_YEARS } from '../../shared/demo/years';
import type { Panel, ResultProvenance } from '../../shared/domain/types';
import { integerOption, parseCommandArgs, stringOption } from '../args';
import { writeFileAtomically } from '../bundleFiles';
import { HELP } from '../help';
import { EXIT_OK, printError, printLine, resolvePath, UsageError } from '../io';
import type { CliIo } from '../io';
import { demoSigner } from '../keys';
import type { CliSigner } from '../keys';
import { CLI_VERSION } from '../version';

export const MAX_DEMO_PANELS = 10;

const OPTIONS = {
  out: { type: 'string' },
  seed: { type: 'string' },
  bases: { type: 'string' },
  panels: { type: 'string' },
  years: { type: 'string' },
} as const;

type PanelFiles = { round: Uint8Array; scores: Uint8Array };

async function panelBundles(
  demo: DemoRound,
  panel: Panel,
  secretariat: CliSigner,
  panelKey: CliSigner,
): Promise<PanelFiles> {
  const { round } = demo;
  const bases = demo.bases.filter((b) => b.panelId === panel.id);
  const baseIds = new Set(bases.map((b) => b.id));
  const sheets = demo.scoresheets.filter((s) => baseIds.has(s.baseId));
  const lastEdit = sheets.reduce((last, s) => (s.updatedAt > last ? s.updatedAt : last), '');
  const common = { appVersion: CLI_VERSION, crypto: globalThis.crypto, roundId: round.id };
  const roundBundle = await createBundle({
    ...common,
    kind: 'round',
    panelId: panel.id,
    deviceId: `${round.id}-secretariat`,
    createdAt: round.createdAt,
    signer: secretariat.signer,
    payload: {
      round,
      templates: demo.templates,
      bases,
      panels: [panel],
      experts: demo.experts.filter((e) => e.panelId === panel.id),
      assignments: demo.assignments.filter((a) => a.panelId === panel.id),
      changes: [],
    },
  });
  const scoresBundle = await createBundle({
    ...common,
    kind: 'scores',
    panelId: panel.id,
    deviceId: `${panel.id}-laptop`,
    createdAt: lastEdit === '' ? round.createdAt : lastEdit,
    signer: panelKey.signer,
    payload: { scoresheets: sheets, audit: [] },
  });
  return { round: roundBundle, scores: scoresBundle };
}

/**
 * A closed demo year as the secretariat exports it: its result bundle, signed with the
 * secretariat's key and dated at the round's closing; the panel laptops' keys recorded as
 * checked (they are the demo's own, derived from the seed like the score bundles' keys).
 */
async function yearBundle(year: DemoRound, seed: number, secretariat: CliSigner) {
  const { round } = year;
  const closedAt = round.closure?.closedAt ?? round.createdAt;
  const panelKeys: ResultProvenance['panelKeys'] = [];
  for (const panel of [...year.panels].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const key = await demoSigner(seed, panel.id);
    panelKeys.push({
      panelId: panel.id,
      deviceId: `${panel.id}-laptop`,
      fingerprint: key.fingerprint,
    });
  }
  return createBundle({
    kind: 'result',
    roundId: round.id,
    deviceId: `${round.id}-secretariat`,
    appVersion: CLI_VERSION,
    createdAt: closedAt,
    signer: secretariat.signer,
    crypto: globalThis.crypto,
    payload: {
      round,
      templates: year.templates,
      bases: year.bases,
      panels: year.panels,
      experts: year.experts,
      assignments: year.assignments,
      scoresheets: year.scoresheets,
      decisions: year.decisions,
      changes: [],
      provenance: { keysVerified: true, panelKeys },
    },
  });
}

const DEMO_FILE = /^(round|scores)-panel-\d+\.pgb$/;
const YEAR_FILE = /^result-\d{4}\.pgb$/;

/**
 * Removes bundles an earlier demo run left in DIR that this run writes anew: a smaller run
 * must not leave extra panels (or, with --years, extra years) behind.
 */
async function removeEarlierDemo(io: CliIo, out: string, pattern: RegExp): Promise<void> {
  const dir = resolvePath(io, out);
  const names = await readdir(dir).catch(() => []);
  for (const name of names.filter((n) => pattern.test(n))) {
    await rm(path.join(dir, name), { force: true });
  }
}

export async function demoCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs('demo', argv, OPTIONS);
  if (args.values.help === true) {
    io.stdout(HELP.demo);
    return EXIT_OK;
  }
  if (args.positionals.length > 0) {
    throw new UsageError(`unexpected argument "${args.positionals[0] ?? ''}"`, 'demo');
  }
  const out = stringOption(args, 'out');
  if (out === undefined || out === '') throw new UsageError('--out DIR is required', 'demo');
  const seed =
    integerOption('demo', args, 'seed', { min: 0, max: 0xffffffff }) ?? DEFAULT_DEMO_SEED;
  const registrySize = generateRegistry(createRng(seed, 'registry')).length;
  const baseCount = integerOption('demo', args, 'bases', { min: 1, max: registrySize });
  const panelCount = integerOption('demo', args, 'panels', {
    min: 1,
    max: Math.min(MAX_DEMO_PANELS, baseCount ?? registrySize),
  });
  const years = integerOption('demo', args, 'years', { min: 1, max: MAX_DEMO_YEARS });

  printError(io, `demo: generating the round for seed ${seed}…`);
  const demo = generateDemoRound({
    seed,
    ...(baseCount === undefined ? {} : { baseCount }),
    ...(panelCount === undefined ? {} : { panelCount }),
  });
  const secretariat = await demoSigner(seed, 'secretariat');
  await removeEarlierDemo(io, out, DEMO_FILE);
  const total = demo.panels.length * 2;
  let written = 0;
  for (const [index, panel] of demo.panels.entries()) {
    const files = await panelBundles(demo, panel, secretariat, await demoSigner(seed, panel.id));
    for (const [kind, bytes] of [
      ['round', files.round],
      ['scores', files.scores],
    ] as const) {
      const file = path.join(out, `${kind}-panel-${index + 1}.pgb`);
      await writeFileAtomically(io, file, bytes);
      written += 1;
      printError(io, `demo: [${written}/${total}] ${file}`);
      printLine(io, file);
    }
  }
  printError(
    io,
    `demo: round ${demo.round.id}: ${demo.bases.length} bases, ${demo.panels.length} panels, ` +
      `${demo.experts.length} experts, ${demo.scoresheets.length} scoresheets; ` +
      `secretariat key ${secretariat.fingerprint}`,
  );
  if (years !== undefined) await writeYears(io, out, seed, years, secretariat);
  return EXIT_OK;
}

/** --years N: the closed years' result bundles, DIR/result-<year>.pgb, oldest first. */
async function writeYears(
  io: CliIo,
  out: string,
  seed: number,
  count: number,
  secretariat: CliSigner,
): Promise<void> {
  printError(io, `demo: generating ${count} closed year${count === 1 ? '' : 's'}…`);
  const years = generateDemoYears(seed, count);
  await removeEarlierDemo(io, out, YEAR_FILE);
  for (const [index, year] of years.entries()) {
    const file = path.join(out, `result-${year.round.year}.pgb`);
    await writeFileAtomically(io, file, await yearBundle(year, seed, secretariat));
    printError(io, `demo: [year ${index + 1}/${years.length}] ${file}`);
    printLine(io, file);
    const decided = DISPOSITION_CODES.map(
      (code) => [code, year.decisions.filter((d) => d.disposition.code === code).length] as const,
    )
      .filter(([, n]) => n > 0)
      .map(([code, n]) => `${code} ${n}`)
      .join(', ');
    printError(
      io,
      `demo: round ${year.round.id} (${year.round.evaluationType}, closed): ` +
        `${year.bases.length} bases; decisions: ${decided}`,
    );
  }
}
