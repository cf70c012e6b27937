// A read workbook as Scoresheet records, ready for the same admission (sheetAdmission.ts) and
// merge (shared/sync) as a score bundle's sheets. The file is one device, `excel:<first 16 hex
// of its SHA-256>`, that made one edit to each sheet: versions { [device]: 1 }. Ids, clocks and
// times derive from the file alone, so the same file read twice gives the same records and a
// second import changes nothing; another file for the same sheet is concurrent with the first
// and with copies scored in the app, and a difference becomes a conflict a person resolves.
import { formatHlc } from '../domain/hlc';
import type { Expert, Round, Scoresheet } from '../domain/types';
import { fnv1a64 } from '../sync/digest';
import type { WorkbookRead } from './types';

/** The device a workbook's sheets come from. */
export const workbookDeviceId = (fileSha256: string): string => `excel:${fileSha256.slice(0, 16)}`;

export type ToScoresheetsDeps = {
  /** When the sheets were last edited; default the workbook's export time. */
  now?: () => string;
};

export function toScoresheets(
  read: WorkbookRead,
  expert: Pick<Expert, 'id'>,
  round: Pick<Round, 'id'>,
  deviceId: string = workbookDeviceId(read.fileSha256),
  deps: ToScoresheetsDeps = {},
): Scoresheet[] {
  const { identity } = read;
  if (identity.expertId !== expert.id || identity.roundId !== round.id) {
    throw new RangeError('the workbook belongs to another expert or round');
  }
  const at = deps.now?.() ?? identity.exportedAt;
  const ms = Date.parse(at);
  const hlc = formatHlc({ ms: Number.isFinite(ms) && ms > 0 ? ms : 0, counter: 0, deviceId });
  return read.sheets.map((sheet): Scoresheet => {
    const record: Scoresheet = {
      id: `xlsx-${read.fileSha256.slice(0, 16)}-${fnv1a64(`${expert.id}\u0000${sheet.baseId}`)}`,
      roundId: round.id,
      baseId: sheet.baseId,
      expertId: expert.id,
      templateId: sheet.templateId,
      templateVersion: sheet.templateVersion,
      scores: { ...sheet.scores },
      comments: { ...sheet.comments },
      overallComment: sheet.overallComment,
      status: sheet.status,
      revision: 1,
      hlc,
      deviceId,
      updatedAt: at,
      versions: { [deviceId]: 1 },
    };
    if (sheet.recusal) record.recusal = { reason: sheet.recusal.reason, source: 'declared', at };
    if (sheet.recommendation) {
      record.recommendation = {
        disposition: { ...sheet.recommendation.disposition },
        reason: sheet.recommendation.reason,
      };
    }
    if (sheet.status === 'submitted') record.submittedAt = at;
    return record;
  });
}
