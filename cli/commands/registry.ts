// `pinggu registry FILE...`: the department's registry of bases (基地库) from result and
// registry bundles, in any order, as one JSON object on stdout:
//   { bases: [ { code, name, category, type, status, mergedInto?, rectifyUntil?,
//                history: [ { roundId, year, aggregate, grade, disposition? } ] } ],
//     flows: [ { year, from, to, count } ] }
// Every file is opened as `pinggu verify` opens it (limits, hashes, signature, schemas). A
// closed round's result bundle is condensed (condenseResult) and the registry is the fold of
// the accepted rounds (buildRegistry: each round applied in its own order, whatever the order
// of the files); flows are registryFlows of that fold.
//
// A registry bundle (省厅基地库名单包) is the department's record of the bases it chose, with
// their status and history. Its bases are "known bases": a base that no given result bundle
// names is listed as the registry bundle records it (status, deadline, merge target, history),
// from the newest registry bundle that lists it (manifest time, then the larger file hash). A
// base that a given result bundle names is the fold's: the result bundles are the record of
// what happened to it, and the registry bundle's summary of it is not taken over. Known bases
// make no flows (a flow is an event of a given round).
//
// Any file that cannot be opened, is not a result or registry bundle, or is the result
// bundle of a round that is not closed (or whose decisions name bases it does not have):
// one REFUSED line per file on stderr, exit 2, nothing on stdout.
import { readFile } from 'node:fs/promises';
import type { OpenedBundle } from '../../shared/bundle/bundle';
import { sha256Hex } from '../../shared/bundle/bundleCrypto';
import { condenseResult } from '../../shared/registry/accept';
import type { AcceptRefusalCode } from '../../shared/registry/accept';
import { buildRegistry } from '../../shared/registry/fold';
import { registryFlows } from '../../shared/registry/flows';
import { compareInstants, compareText } from '../../shared/registry/order';
import type { AcceptedRound, RegistryBase, RegistryFlow } from '../../shared/registry/types';
import { parseCommandArgs } from '../args';
import { openBundleFile } from '../bundleFiles';
import { HELP } from '../help';
import { describeFsError, EXIT_OK, EXIT_REFUSED, printError, resolvePath, UsageError } from '../io';
import type { CliIo } from '../io';

export type RegistryHistoryLine = {
  roundId: string;
  year: number;
  aggregate: number | null;
  grade: string | null;
  disposition?: string;
};

export type RegistryBaseLine = {
  code: string;
  name: string;
  category: string;
  type: string;
  status: RegistryBase['status'];
  mergedInto?: string;
  rectifyUntil?: string;
  history: RegistryHistoryLine[];
};

export type RegistryOutput = { bases: RegistryBaseLine[]; flows: RegistryFlow[] };

/** A registry bundle's base, with what decides between two bundles that list its code. */
export type KnownBase = { base: RegistryBase; createdAt: string; bundleSha256: string };

const REFUSALS_EN: Readonly<Record<AcceptRefusalCode, string>> = {
  roundOpen: 'the round is not closed: only a closed round goes into the registry',
  noBases: 'the result bundle holds no base',
  missingCode: 'a base has no registry code',
  duplicateCode: 'two bases share a registry code',
  unknownBase: 'a final decision names a base the round does not have',
  unknownMergeTarget: 'a merge decision names a base the round does not have',
  mergeTargetSelf: 'a base is merged into itself',
  olderVersion: 'a newer version of the round is already in the registry',
};

/** A base as `pinggu registry` prints it: keys absent rather than null where not applicable. */
export function baseLine(base: RegistryBase): RegistryBaseLine {
  return {
    code: base.code,
    name: base.name,
    category: base.category,
    type: base.type,
    status: base.status,
    ...(base.mergedInto === undefined ? {} : { mergedInto: base.mergedInto }),
    ...(base.rectifyUntil === undefined ? {} : { rectifyUntil: base.rectifyUntil }),
    history: base.history.map((h) => ({
      roundId: h.roundId,
      year: h.year,
      aggregate: h.aggregate,
      grade: h.grade,
      ...(h.disposition === undefined ? {} : { disposition: h.disposition }),
    })),
  };
}

/** The newest record of each known base: later manifest time, then the larger file hash. */
function newestKnown(known: readonly KnownBase[]): Map<string, KnownBase> {
  const byCode = new Map<string, KnownBase>();
  for (const entry of known) {
    const held = byCode.get(entry.base.code);
    const newer =
      held === undefined ||
      (compareInstants(entry.createdAt, held.createdAt) ||
        compareText(entry.bundleSha256, held.bundleSha256)) > 0;
    if (newer) byCode.set(entry.base.code, entry);
  }
  return byCode;
}

/** The registry of the accepted rounds, plus the known bases no round names. */
export function registryOutput(
  rounds: readonly AcceptedRound[],
  known: readonly KnownBase[],
): RegistryOutput {
  const state = buildRegistry([], rounds);
  const folded = new Set(state.bases.map((b) => b.code));
  const extra = [...newestKnown(known).values()]
    .map((k) => k.base)
    .filter((b) => !folded.has(b.code));
  const bases = [...state.bases, ...extra].sort((a, b) => compareText(a.code, b.code));
  return { bases: bases.map(baseLine), flows: registryFlows(state) };
}

type Input =
  | { ok: true; round: AcceptedRound }
  | { ok: true; known: KnownBase[] }
  | { ok: false; reason: string };

/** What one opened bundle brings: a condensed round, known bases, or why it is refused. */
function inputOf(bundle: OpenedBundle, bundleSha256: string): Input {
  if (bundle.kind === 'registry') {
    const { createdAt } = bundle.manifest;
    return {
      ok: true,
      known: bundle.payload.registry.bases.map((base) => ({ base, createdAt, bundleSha256 })),
    };
  }
  if (bundle.kind !== 'result') {
    return { ok: false, reason: `a ${bundle.kind} bundle, not a result or registry bundle` };
  }
  const condensed = condenseResult({
    payload: bundle.payload,
    bundleSha256,
    signerFingerprint: bundle.signer.fingerprint,
    // From the file, not the clock: the same files always give the same registry.
    acceptedAt: bundle.manifest.createdAt,
    acceptedBy: 'pinggu registry',
  });
  if (condensed.ok) return { ok: true, round: condensed.round };
  const { code, message } = condensed.error;
  return { ok: false, reason: `${REFUSALS_EN[code]} (${code}: ${message})` };
}

/** SHA-256 of the file's bytes: the accepted round's bundleSha256 and a known base's tie-break. */
async function fileHash(
  io: CliIo,
  file: string,
): Promise<{ ok: true; sha256: string } | { ok: false; reason: string }> {
  try {
    const bytes = new Uint8Array(await readFile(resolvePath(io, file)));
    return { ok: true, sha256: await sha256Hex(globalThis.crypto, bytes) };
  } catch (error) {
    return { ok: false, reason: `cannot read the file: ${describeFsError(error)}` };
  }
}

export async function registryCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs('registry', argv, {});
  if (args.values.help === true) {
    io.stdout(HELP.registry);
    return EXIT_OK;
  }
  if (args.positionals.length === 0) throw new UsageError('no FILE given', 'registry');
  const rounds: AcceptedRound[] = [];
  const known: KnownBase[] = [];
  let refused = 0;
  for (const file of args.positionals) {
    const opened = await openBundleFile(io, file, ['result', 'registry']);
    let input: Input;
    if (opened.ok) {
      const hash = await fileHash(io, file);
      input = hash.ok ? inputOf(opened.bundle, hash.sha256) : hash;
    } else {
      input = { ok: false, reason: opened.reason };
    }
    if (!input.ok) {
      refused += 1;
      printError(io, `registry: REFUSED ${file}: ${input.reason}`);
    } else if ('round' in input) {
      rounds.push(input.round);
    } else {
      known.push(...input.known);
    }
  }
  if (refused > 0) {
    const files = refused === 1 ? '1 file' : `${String(refused)} files`;
    printError(io, `registry: ${files} refused; nothing printed`);
    return EXIT_REFUSED;
  }
  io.stdout(`${JSON.stringify(registryOutput(rounds, known))}\n`);
  return EXIT_OK;
}
