// The plain-data shapes of the round report: what it is built from (ReportInput, a result
// bundle's payload plus this machine's conflicts and audit entries) and the sheets it turns
// into, which are exactly what writeXlsx (shared/xlsx/write.ts) takes.
import type {
  Assignment,
  AuditEntry,
  Base,
  ConflictRecord,
  Expert,
  FinalDecision,
  IndicatorTemplate,
  Panel,
  Round,
  RoundChange,
  Scoresheet,
} from '../domain/types';
import type { XlsxCell, XlsxSheetInput } from '../xlsx/write';

export type ReportCell = XlsxCell;

/** A sheet: name, rows of cells, optional column widths and header row count. */
export type ReportSheet = XlsxSheetInput;

export type ReportInput = {
  round: Round;
  bases: readonly Base[];
  /** Templates of the round's types and of every scoresheet. */
  templates: readonly IndicatorTemplate[];
  panels: readonly Panel[];
  experts: readonly Expert[];
  assignments: readonly Assignment[];
  scoresheets: readonly Scoresheet[];
  decisions: readonly FinalDecision[];
  /** Every conflict of the round, open and resolved (none in a result bundle). */
  conflicts: readonly ConflictRecord[];
  /** The round's changes after issue (轮次变更): which sheets are voided, which bases withdrawn. */
  changes?: readonly RoundChange[];
  /** The round's audit entries: they say who resolved a conflict. */
  audit?: readonly AuditEntry[];
  /** ISO instant the report is made at (shown on 汇总 and the printout). */
  generatedAt: string;
  /** Offset of the time zone times are shown in, minutes east of UTC; default 480 (北京时间). */
  utcOffsetMinutes?: number;
};
