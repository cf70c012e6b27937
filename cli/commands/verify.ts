// `pinggu verify FILE...`: opens each bundle exactly as the app would (limits, hashes,
// signature, schemas) and prints one line per file:
//   OK <file> <kind> <round> <panel|-> <sheets> <signer's fingerprint>[ closed v<N>]
//   INVALID <file>: <reason>
// `closed v<N>`: a result bundle of a closed round, written at its N-th closing. Exit 0 only
// when every file is valid, 2 otherwise.
import type { OpenedBundle } from '../../shared/bundle/bundle';
import { parseCommandArgs } from '../args';
import { manifestPanelId, openBundleFile, sheetCount } from '../bundleFiles';
import { HELP } from '../help';
import { EXIT_OK, EXIT_REFUSED, printError, printLine, UsageError } from '../io';
import type { CliIo } from '../io';

/** ` closed v<N>` for a result bundle of a closed round, else nothing. */
function closedMark(bundle: OpenedBundle): string {
  if (bundle.kind !== 'result') return '';
  const { status, closure } = bundle.payload.round;
  return status === 'closed' && closure !== undefined ? ` closed v${closure.version}` : '';
}

export async function verifyCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs('verify', argv, {});
  if (args.values.help === true) {
    io.stdout(HELP.verify);
    return EXIT_OK;
  }
  if (args.positionals.length === 0) throw new UsageError('no FILE given', 'verify');
  let invalid = 0;
  for (const [index, file] of args.positionals.entries()) {
    if (args.positionals.length > 20) {
      printError(io, `verify: [${index + 1}/${args.positionals.length}] ${file}`);
    }
    const opened = await openBundleFile(io, file);
    if (opened.ok) {
      const { bundle } = opened;
      const panel = manifestPanelId(bundle) ?? '-';
      const round = bundle.manifest.roundId ?? '-';
      const signer = bundle.signer.fingerprint;
      printLine(
        io,
        `OK ${file} ${bundle.kind} ${round} ${panel} ${sheetCount(bundle)} ${signer}${closedMark(bundle)}`,
      );
    } else {
      invalid += 1;
      printLine(io, `INVALID ${file}: ${opened.reason}`);
    }
  }
  return invalid === 0 ? EXIT_OK : EXIT_REFUSED;
}
