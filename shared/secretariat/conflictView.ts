// The secretariat's view of scoresheet conflicts: the list (open ones first, then those a
// person settled, with who chose what from the audit log), and one conflict side by side,
// indicator by indicator, with every difference marked. Pure.
import { canonicalJson } from '../bundle/canonicalJson';
import type {
  AuditEntry,
  Base,
  BundleImportRecord,
  ConflictRecord,
  Expert,
  IndicatorTemplate,
  Scoresheet,
} from '../domain/types';
import { isOpenConflict, isSettledByPerson } from '../sync/conflictRecords';

// ---- the list -----------------------------------------------------------------------------

export type ConflictListRow = {
  id: string;
  record: ConflictRecord;
  baseId: string;
  baseName: string;
  expertId: string;
  expertName: string;
  detectedAt: string;
  /** The import that found it: its file name, or the import id when the record is gone. */
  sourceFile: string;
  isOpen: boolean;
  resolution?: ConflictRecord['resolution'];
  resolvedAt?: string;
  /** From the audit entry the resolution wrote. */
  resolvedBy?: string;
};

export type ConflictListInput = {
  conflicts: readonly ConflictRecord[];
  bases: readonly Base[];
  experts: readonly Expert[];
  imports: readonly BundleImportRecord[];
  /** The round's 'scoresheet.resolveConflict' entries (others are ignored). */
  audit: readonly AuditEntry[];
};

/**
 * The audit entry of a person's resolution. conflictRepository writes one per resolution,
 * on the sheet, naming the record ("（冲突记录 <id>）").
 */
export function resolutionEntry(
  record: ConflictRecord,
  audit: readonly AuditEntry[],
): AuditEntry | undefined {
  const mark = `冲突记录 ${record.id}）`;
  return audit.findLast(
    (entry) => entry.action === 'scoresheet.resolveConflict' && (entry.detail ?? '').includes(mark),
  );
}

/**
 * Open conflicts (oldest first: they have waited longest), then those settled by a person
 * (latest first). Records merge settled by itself (both copies say the same) are not shown:
 * there was nothing to choose.
 */
export function conflictList(input: ConflictListInput): ConflictListRow[] {
  const bases = new Map(input.bases.map((b) => [b.id, b]));
  const experts = new Map(input.experts.map((e) => [e.id, e]));
  const imports = new Map(input.imports.map((i) => [i.id, i]));
  const shown = input.conflicts.filter((c) => isOpenConflict(c) || isSettledByPerson(c));
  const rows = shown.map((record): ConflictListRow => {
    const { baseId, expertId } = record.local;
    const entry = isOpenConflict(record) ? undefined : resolutionEntry(record, input.audit);
    return {
      id: record.id,
      record,
      baseId,
      baseName: bases.get(baseId)?.name ?? baseId,
      expertId,
      expertName: experts.get(expertId)?.name ?? expertId,
      detectedAt: record.detectedAt,
      sourceFile: imports.get(record.sourceImportId)?.fileName ?? record.sourceImportId,
      isOpen: isOpenConflict(record),
      ...(record.resolution ? { resolution: record.resolution } : {}),
      ...(record.resolvedAt ? { resolvedAt: record.resolvedAt } : {}),
      ...(entry ? { resolvedBy: entry.actor } : {}),
    };
  });
  const open = rows
    .filter((r) => r.isOpen)
    .sort((a, b) => a.detectedAt.localeCompare(b.detectedAt) || a.id.localeCompare(b.id));
  const settled = rows
    .filter((r) => !r.isOpen)
    .sort(
      (a, b) => (b.resolvedAt ?? '').localeCompare(a.resolvedAt ?? '') || a.id.localeCompare(b.id),
    );
  return [...open, ...settled];
}

// ---- side by side -------------------------------------------------------------------------

export type SideBySideIndicator = {
  id: string;
  name: string;
  maxPoints: number;
  local: number | undefined;
  incoming: number | undefined;
  localComment: string;
  incomingComment: string;
  isScoreDifferent: boolean;
  isCommentDifferent: boolean;
};

export type SideBySidePrimary = {
  id: string;
  name: string;
  maxPoints: number;
  localTotal: number;
  incomingTotal: number;
  localComment: string;
  incomingComment: string;
  isTotalDifferent: boolean;
  isCommentDifferent: boolean;
  children: SideBySideIndicator[];
};

export type SheetField =
  | 'status'
  | 'recusal'
  | 'recommendation'
  | 'overallComment'
  | 'revision'
  | 'deviceId'
  | 'updatedAt';

export const SHEET_FIELDS = [
  'status',
  'recusal',
  'recommendation',
  'overallComment',
  'revision',
  'deviceId',
  'updatedAt',
] as const satisfies readonly SheetField[];

export type SideBySide = {
  primaries: SideBySidePrimary[];
  localTotal: number;
  incomingTotal: number;
  /** Fields whose values differ between the two copies. */
  differentFields: ReadonlySet<SheetField>;
  /** Indicators whose score or comment differs. */
  differentIndicators: number;
};

const scoreOf = (sheet: Scoresheet, id: string): number | undefined =>
  Object.hasOwn(sheet.scores, id) ? sheet.scores[id] : undefined;
const commentOf = (sheet: Scoresheet, id: string): string =>
  Object.hasOwn(sheet.comments, id) ? (sheet.comments[id] ?? '') : '';

function fieldValue(sheet: Scoresheet, field: SheetField): string {
  switch (field) {
    case 'recusal':
      return sheet.recusal ? canonicalJson({ reason: sheet.recusal.reason }) : '';
    case 'recommendation':
      return sheet.recommendation ? canonicalJson(sheet.recommendation) : '';
    default:
      return String(sheet[field]);
  }
}

/** The two copies indicator by indicator, on the template the copy shown was scored with. */
export function sideBySide(record: ConflictRecord, template: IndicatorTemplate): SideBySide {
  const { local, incoming } = record;
  let differentIndicators = 0;
  const primaries = template.primaries.map((primary): SideBySidePrimary => {
    const children = primary.children.map((child): SideBySideIndicator => {
      const row = {
        id: child.id,
        name: child.name,
        maxPoints: child.maxPoints,
        local: scoreOf(local, child.id),
        incoming: scoreOf(incoming, child.id),
        localComment: commentOf(local, child.id),
        incomingComment: commentOf(incoming, child.id),
      };
      const isScoreDifferent = row.local !== row.incoming;
      const isCommentDifferent = row.localComment !== row.incomingComment;
      if (isScoreDifferent || isCommentDifferent) differentIndicators += 1;
      return { ...row, isScoreDifferent, isCommentDifferent };
    });
    const sum = (pick: (c: SideBySideIndicator) => number | undefined): number =>
      children.reduce((total, c) => total + (pick(c) ?? 0), 0);
    const localTotal = sum((c) => c.local);
    const incomingTotal = sum((c) => c.incoming);
    const localComment = commentOf(local, primary.id);
    const incomingComment = commentOf(incoming, primary.id);
    return {
      id: primary.id,
      name: primary.name,
      maxPoints: primary.maxPoints,
      localTotal,
      incomingTotal,
      localComment,
      incomingComment,
      isTotalDifferent: localTotal !== incomingTotal,
      isCommentDifferent: localComment !== incomingComment,
      children,
    };
  });
  const differentFields = new Set(
    SHEET_FIELDS.filter((field) => fieldValue(local, field) !== fieldValue(incoming, field)),
  );
  return {
    primaries,
    localTotal: primaries.reduce((sum, p) => sum + p.localTotal, 0),
    incomingTotal: primaries.reduce((sum, p) => sum + p.incomingTotal, 0),
    differentFields,
    differentIndicators,
  };
}
