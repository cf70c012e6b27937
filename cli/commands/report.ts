// `pinggu report FILE`: results per base of a result bundle, as one JSON object (default),
// CSV or xlsx. Values come from computeRoundResults, as in the app.
import { choiceOption, parseCommandArgs, stringOption } from '../args';
import { openBundleFile, writeFileAtomically } from '../bundleFiles';
import { HELP } from '../help';
import { CliFailure, EXIT_OK, EXIT_REFUSED, printLine, UsageError } from '../io';
import type { CliIo } from '../io';
import { reportCsv, reportXlsx } from '../reportFiles';
import { buildReport, REPORT_METHODS } from '../reportRows';

const FORMATS = ['json', 'csv', 'xlsx'] as const;
const OPTIONS = {
  format: { type: 'string' },
  method: { type: 'string' },
  out: { type: 'string' },
} as const;

export async function reportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs('report', argv, OPTIONS);
  if (args.values.help === true) {
    io.stdout(HELP.report);
    return EXIT_OK;
  }
  const [file, ...extra] = args.positionals;
  if (file === undefined) throw new UsageError('no FILE given', 'report');
  if (extra.length > 0)
    throw new UsageError(`one FILE only (also got "${extra[0] ?? ''}")`, 'report');
  const format = choiceOption('report', args, 'format', FORMATS) ?? 'json';
  const method = choiceOption('report', args, 'method', REPORT_METHODS);
  const out = stringOption(args, 'out');
  if (format === 'xlsx' && (out === undefined || out === '')) {
    throw new UsageError('--format xlsx needs --out FILE.xlsx', 'report');
  }

  const opened = await openBundleFile(io, file, ['result']);
  if (!opened.ok) throw new CliFailure(`${file}: ${opened.reason}`, EXIT_REFUSED);
  if (opened.bundle.kind !== 'result')
    throw new CliFailure(`${file}: not a result bundle`, EXIT_REFUSED);
  const { payload, manifest } = opened.bundle;
  const report = buildReport(payload, method);

  let data: string | Uint8Array;
  if (format === 'xlsx') {
    data = reportXlsx(report, {
      roundName: payload.round.name,
      createdAt: manifest.createdAt,
    });
  } else if (format === 'csv') {
    data = reportCsv(report);
  } else {
    data = `${JSON.stringify(report, null, out === undefined ? undefined : 2)}\n`;
  }
  if (out === undefined || out === '') {
    io.stdout(typeof data === 'string' ? data : '');
    return EXIT_OK;
  }
  await writeFileAtomically(io, out, data);
  printLine(
    io,
    `wrote ${out}: ${report.bases.length} bases of round ${report.round} (${format}, ${report.method})`,
  );
  return EXIT_OK;
}
