// The shapes of the scoresheet workbook's API: what an export needs, what the reader checks a
// workbook against, and what it returns (the sheets read, or one refusal naming the sheet and
// cell).
import type {
  Assignment,
  Base,
  DispositionDecision,
  Expert,
  IndicatorTemplate,
  Round,
} from '../domain/types';
import type { IdentityBase } from './layout';

export type WorkbookExportInput = {
  round: Round;
  expert: Expert;
  /** The round's bases (at least those assigned to the expert). */
  bases: readonly Base[];
  /** The templates the round scores those bases with (round.templateByType). */
  templates: readonly IndicatorTemplate[];
  /** Assignments of the round; the expert's assigned, not recused bases get a sheet. */
  assignments: readonly Assignment[];
  /** ISO 8601 instant, written into the identity. */
  exportedAt: string;
  /** Shown on the 说明 sheet. */
  panelName?: string;
};

/** What the hidden identity sheet says. */
export type WorkbookIdentity = {
  layoutVersion: number;
  roundId: string;
  roundName: string;
  expertId: string;
  expertName: string;
  exportedAt: string;
  /** Lower-case hex SHA-256 of layoutDescription. */
  layoutSha256: string;
  bases: IdentityBase[];
};

/** The round as it is now, which a workbook must still fit. */
export type WorkbookRoundContext = {
  round: Round;
  /** Every base of the round (merge targets are looked up among them). */
  bases: readonly Base[];
  /** The templates of round.templateByType. */
  templates: readonly IndicatorTemplate[];
  experts: readonly Pick<Expert, 'id' | 'name' | 'panelId'>[];
};

export type WorkbookSheet = {
  sheetName: string;
  baseId: string;
  templateId: string;
  templateVersion: number;
  /** Secondary indicator id → score; unscored indicators are absent. */
  scores: Record<string, number>;
  /** Secondary indicator id → comment. */
  comments: Record<string, string>;
  overallComment: string;
  recommendation?: DispositionDecision;
  /** 回避 = 是: the sheet records the recusal and carries no scores. */
  recusal?: { reason: string };
  /** submitted: every score filled, a complete recommendation and 确认提交 = 是. */
  status: 'draft' | 'submitted';
  /** Scores not filled in. */
  missingCount: number;
  /** Why a sheet stays a draft although 确认提交 is 是, and what was left out (Chinese). */
  notes: string[];
};

export type WorkbookRefusalCode =
  /** Not an .xlsx file, or not one readXlsx can read. */
  | 'notWorkbook'
  /** An .xlsx without the identity sheet: not a Pinggu scoresheet. */
  | 'notScoresheet'
  /** The identity sheet is incomplete or malformed. */
  | 'identity'
  | 'otherRound'
  | 'unknownExpert'
  | 'unknownBase'
  | 'templateVersion'
  | 'layoutDigest'
  | 'missingSheet'
  | 'unknownSheet'
  /** A header or label cell is not what the layout puts there. */
  | 'layoutChanged'
  /** The hidden indicator ids do not follow the template: a row inserted, deleted or moved. */
  | 'rowsMoved'
  /** A score that is not a number, out of range or off the 0.5 step. */
  | 'badValue'
  /** A 是/否 or 处理建议 cell holding something else. */
  | 'badChoice'
  /** A 目标 naming no base type or base of the round. */
  | 'badTarget'
  /** 回避 = 是 without a 回避理由. */
  | 'recusalReason';

export type WorkbookRefusal = {
  code: WorkbookRefusalCode;
  /** One Chinese sentence naming the sheet and cell where there is one. */
  message: string;
  messageEn: string;
  sheet?: string;
  cell?: string;
};

export type WorkbookRead = {
  ok: true;
  identity: WorkbookIdentity;
  sheets: WorkbookSheet[];
  /** Lower-case hex SHA-256 of the file's bytes. */
  fileSha256: string;
};

export type WorkbookReadResult = WorkbookRead | { ok: false; refusal: WorkbookRefusal };
