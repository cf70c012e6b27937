// `pinggu merge --out RESULT.pgb [--trust FILE] FILE...`: the round and score bundles (and
// filled .xlsx scoresheet workbooks, mergeWorkbooks.ts) of one round in, one signed result
// bundle out (see mergeBundles.ts for the rules). Any refused file
// means exit 2 and nothing written, neither the result nor a new key. Each panel device's key
// goes to stderr: checked against the trust file, or listed for a person to compare.
import { createBundle } from '../../shared/bundle/bundle';
import { trustedKeyFor } from '../../shared/bundle/trustFile';
import { parseCommandArgs, stringOption } from '../args';
import { openBundleFile, writeFileAtomically } from '../bundleFiles';
import { HELP } from '../help';
import { EXIT_OK, EXIT_REFUSED, printError, printLine, UsageError } from '../io';
import type { CliIo } from '../io';
import { loadCliSigner } from '../keys';
import { mergeBundles } from '../mergeBundles';
import type { MergeOutcome, MergeTrust } from '../mergeBundles';
import { isWorkbookFile, readWorkbookFiles } from '../mergeWorkbooks';
import { readTrustFile } from '../trustFiles';
import { CLI_VERSION } from '../version';

const OPTIONS = {
  out: { type: 'string' },
  key: { type: 'string' },
  trust: { type: 'string' },
} as const;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export async function mergeCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs('merge', argv, OPTIONS);
  if (args.values.help === true) {
    io.stdout(HELP.merge);
    return EXIT_OK;
  }
  const out = stringOption(args, 'out');
  if (out === undefined || out === '')
    throw new UsageError('--out RESULT.pgb is required', 'merge');
  if (args.positionals.length === 0) throw new UsageError('no FILE given', 'merge');
  const trustName = stringOption(args, 'trust');
  if (trustName === '') throw new UsageError('--trust needs a FILE', 'merge');
  // A trust file that cannot be used stops the merge before any bundle is read.
  const trust: MergeTrust | undefined =
    trustName === undefined
      ? undefined
      : { file: await readTrustFile(io, trustName), name: trustName };

  const files = [];
  const workbookNames: string[] = [];
  for (const [index, file] of args.positionals.entries()) {
    printError(io, `merge: [${index + 1}/${args.positionals.length}] reading ${file}`);
    if (isWorkbookFile(file)) workbookNames.push(file);
    else files.push(await openBundleFile(io, file, ['round', 'scores']));
  }
  const now = io.now();
  const deps = { now, importId: `cli-merge-${now}` };
  let outcome = mergeBundles(files, deps, trust);
  // Workbooks are checked against the roster the round bundles give, then merged with them.
  if (workbookNames.length > 0 && outcome.payload !== undefined) {
    const workbooks = await readWorkbookFiles(io, workbookNames, outcome.payload);
    outcome = mergeBundles(files, deps, trust, workbooks);
  }
  for (const { file, reason } of outcome.refused) printLine(io, `REFUSED ${file}: ${reason}`);
  for (const conflict of outcome.conflicts) {
    const { local, incoming } = conflict;
    printLine(
      io,
      `CONFLICT ${conflict.scoresheetId}: base ${local.baseId}, expert ${local.expertId}: ` +
        `kept the copy from ${local.deviceId} (${local.hlc}); the other, from ` +
        `${incoming.deviceId} (${incoming.hlc}), differs`,
    );
  }
  const { counts } = outcome;
  reportKeysAndVoids(io, outcome, trust);
  printLine(
    io,
    `sheets: ${counts.sheets}, conflicts: ${outcome.conflicts.length}, refused files: ${outcome.refused.length}`,
  );
  if (
    outcome.problem !== undefined ||
    outcome.payload === undefined ||
    outcome.roundId === undefined
  ) {
    printError(io, `merge: ${outcome.problem ?? 'nothing to merge'}; nothing written`);
    return EXIT_REFUSED;
  }
  if (outcome.refused.length > 0) {
    printError(io, `merge: ${plural(outcome.refused.length, 'file')} refused; nothing written`);
    return EXIT_REFUSED;
  }

  const key = await loadCliSigner(io, stringOption(args, 'key'));
  if (key.created) {
    printError(
      io,
      `merge: created the CLI signing key ${key.file} (fingerprint ${key.fingerprint})`,
    );
  }
  const bytes = await createBundle({
    kind: 'result',
    roundId: outcome.roundId,
    deviceId: `pinggu-cli-${key.fingerprint}`,
    appVersion: CLI_VERSION,
    createdAt: now,
    signer: key.signer,
    crypto: globalThis.crypto,
    payload: outcome.payload,
  });
  await writeFileAtomically(io, out, bytes);
  printLine(
    io,
    `wrote ${out}: result bundle of round ${outcome.roundId}, ` +
      `${plural(outcome.payload.bases.length, 'base')}, ${plural(counts.sheets, 'sheet')} ` +
      `from ${plural(counts.scoreBundles, 'score bundle')}` +
      (counts.workbooks > 0 ? `, ${plural(counts.workbooks, 'workbook')}` : '') +
      ` and ${plural(counts.roundBundles, 'round bundle')}, ` +
      `signed with key ${key.fingerprint}`,
  );
  if (outcome.conflicts.length > 0) {
    printError(
      io,
      `merge: ${plural(outcome.conflicts.length, 'conflict')}: the result holds each sheet's ` +
        'deterministic winner; resolve them in the app if the panel disagrees',
    );
  }
  return EXIT_OK;
}

/** Each panel device's key (checked or not) and each sheet carried as voided, on stderr. */
function reportKeysAndVoids(io: CliIo, outcome: MergeOutcome, trust: MergeTrust | undefined) {
  for (const { panelId, deviceId, fingerprint } of outcome.payload?.provenance.panelKeys ?? []) {
    const what = `merge: panel "${panelId}" device "${deviceId}" key ${fingerprint}`;
    if (trust === undefined) {
      printError(
        io,
        `${what} (not checked: compare it with the panel's signed paper summary, or give --trust FILE)`,
      );
      continue;
    }
    const trusted = trustedKeyFor(trust.file, panelId, deviceId)?.fingerprint;
    printError(
      io,
      trusted === fingerprint
        ? `${what} matches ${trust.name}`
        : `${what} is NOT the key ${trust.name} trusts (${trusted ?? 'none'})`,
    );
  }
  for (const v of outcome.voided) {
    printError(
      io,
      `merge: ${v.file}: scoresheet "${v.sheetId}" (expert ${v.expertId}, base ${v.baseId}) is ` +
        `voided by round change "${v.changeId}" (${v.changeKind}): carried in the result, never counted`,
    );
  }
}
