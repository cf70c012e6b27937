// `pinggu workbook ROUND.pgb --expert <id or name> --out FILE.xlsx`: an expert's Excel
// scoresheet workbook (shared/workbook, docs/excel-scoresheet.md) from a round bundle, the same
// file the app's export writes: one sheet per base the expert is assigned and not recused
// from. The expert is found by id first, then by exact name (a name two experts share is
// refused, naming their ids). An unusable bundle or expert means exit 2 and nothing written.
import type { Expert } from '../../shared/domain/types';
import { plannedSheets, writeScoresheetWorkbook, WorkbookExportError } from '../../shared/workbook';
import type { WorkbookExportInput } from '../../shared/workbook';
import { parseCommandArgs, stringOption } from '../args';
import { openBundleFile, writeFileAtomically } from '../bundleFiles';
import { HELP } from '../help';
import { CliFailure, EXIT_OK, EXIT_REFUSED, printLine, UsageError } from '../io';
import type { CliIo } from '../io';

const OPTIONS = { expert: { type: 'string' }, out: { type: 'string' } } as const;

const refused = (message: string): CliFailure => new CliFailure(message, EXIT_REFUSED);

/** The expert with this id, else the one with this exact name. */
function findExpert(experts: readonly Expert[], wanted: string, file: string): Expert {
  const byId = experts.find((e) => e.id === wanted);
  if (byId !== undefined) return byId;
  const named = experts.filter((e) => e.name === wanted.trim());
  const [only] = named;
  if (only !== undefined && named.length === 1) return only;
  if (named.length > 1) {
    const ids = named.map((e) => e.id).join(', ');
    throw refused(`${named.length} experts of ${file} are named "${wanted}" (${ids}); give an id`);
  }
  throw refused(`${file} lists no expert with the id or name "${wanted}"`);
}

export async function workbookCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs('workbook', argv, OPTIONS);
  if (args.values.help === true) {
    io.stdout(HELP.workbook);
    return EXIT_OK;
  }
  const out = stringOption(args, 'out');
  if (out === undefined || out === '')
    throw new UsageError('--out FILE.xlsx is required', 'workbook');
  if (!out.toLowerCase().endsWith('.xlsx'))
    throw new UsageError(`--out must name an .xlsx file (got "${out}")`, 'workbook');
  const wanted = stringOption(args, 'expert');
  if (wanted === undefined || wanted.trim() === '')
    throw new UsageError('--expert <id or name> is required', 'workbook');
  const [file, ...extra] = args.positionals;
  if (file === undefined) throw new UsageError('no ROUND.pgb given', 'workbook');
  if (extra.length > 0) throw new UsageError('give exactly one round bundle', 'workbook');

  const opened = await openBundleFile(io, file, ['round']);
  if (!opened.ok) throw refused(`${file}: ${opened.reason}`);
  const { bundle } = opened;
  if (bundle.kind !== 'round')
    throw refused(`${file} is a ${bundle.kind} bundle, not a round bundle`);
  const { round, experts, bases, templates, assignments, panels } = bundle.payload;
  const expert = findExpert(experts, wanted, file);
  const panelName = panels.find((p) => p.id === expert.panelId)?.name;
  const input: WorkbookExportInput = {
    round,
    expert,
    bases,
    templates,
    assignments,
    exportedAt: io.now(),
    ...(panelName === undefined ? {} : { panelName }),
  };
  let bytes: Uint8Array;
  let sheets: number;
  try {
    sheets = plannedSheets(input).length;
    bytes = await writeScoresheetWorkbook(input, globalThis.crypto);
  } catch (error) {
    // The export's own sentence (Chinese, as in the app): no base to score, or no template.
    if (error instanceof WorkbookExportError) throw refused(`${file}: ${error.message}`);
    throw error;
  }
  await writeFileAtomically(io, out, bytes);
  printLine(
    io,
    `wrote ${out}: scoresheet workbook of expert ${expert.id} (${expert.name}), ` +
      `round ${round.id}, ${sheets} base sheet${sheets === 1 ? '' : 's'}`,
  );
  return EXIT_OK;
}
