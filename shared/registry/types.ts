// The department's registry of bases (基地库) across rounds: plain data shared by the pure
// fold (shared/registry), the registry bundle, the CLI and the renderer's registry area.
//
// Design: the registry is never edited record by record. It is a pure fold over two stored
// inputs, the approvals (批建) and the accepted rounds (one condensed record per round id,
// the newest closing version), applied in the rounds' own order (year, then closing time,
// then round id). Accepting the same bundle twice, or bundles in any order, therefore gives
// the same registry by construction; the property test in tests/shared/registry proves it.
import type {
  AggregationMethod,
  BaseTypeCode,
  CategoryCode,
  CityName,
  DispositionCode,
  GradeCode,
  LegacyTypeCode,
} from '../domain/types';

export type RegistryStatus = 'active' | 'rectifying' | 'revoked' | 'merged';

/** The identity and description of a base as the department keeps it (one per registry code). */
export type RegistryBaseInfo = {
  code: string;
  name: string;
  /** The new-series type: the target type while `legacyType` is set (not yet integrated). */
  type: BaseTypeCode;
  /** Set while the base is not yet integrated into the new series (before its 纳入). */
  legacyType?: LegacyTypeCode;
  hostInstitution: string;
  city: CityName;
  director: string;
  yearEstablished: number;
  field: string;
};

/** A new approval (批建), imported from the department's Excel through the roster reader. */
export type RegistryApproval = RegistryBaseInfo & {
  /** The year the approval enters the registry (usually yearEstablished). */
  year: number;
  importedAt: string;
  /** SHA-256 of the spreadsheet it came from, for the audit trail. */
  sourceSha256: string;
};

/** One base's outcome in one accepted round: what the round's result bundle says about it. */
export type AcceptedBaseOutcome = RegistryBaseInfo & {
  /** The base's id inside that round (decisions name bases by id). */
  baseId: string;
  aggregate: number | null;
  method: AggregationMethod;
  grade: GradeCode | null;
  /** Valid sheets counted. */
  sheets: number;
  /** The final decision, absent when the round decided nothing for this base. */
  disposition?: DispositionCode;
  /** 纳入 and 转: the target type. */
  targetType?: BaseTypeCode;
  /** 合并: the registry code of the base it merges into. */
  mergedInto?: string;
  withdrawn?: boolean;
};

/** A closed round as the registry keeps it: condensed from its signed result bundle. */
export type AcceptedRound = {
  roundId: string;
  name: string;
  year: number;
  evaluationType: 'integration' | 'periodic';
  /** Round.closure.version: a newer version of the same round replaces the older one. */
  version: number;
  closedAt: string;
  closedBy: string;
  /** SHA-256 of the result bundle file and its signer's fingerprint. */
  bundleSha256: string;
  signerFingerprint: string;
  acceptedAt: string;
  acceptedBy: string;
  bases: AcceptedBaseOutcome[];
};

/** A base's line in one round, under that round's own rule. */
export type RegistryHistoryEntry = {
  roundId: string;
  roundName: string;
  year: number;
  version: number;
  aggregate: number | null;
  method: AggregationMethod;
  grade: GradeCode | null;
  disposition?: DispositionCode;
  targetType?: BaseTypeCode;
  mergedInto?: string;
};

/** A base as the registry shows it after every approval and accepted round. */
export type RegistryBase = RegistryBaseInfo & {
  category: CategoryCode;
  status: RegistryStatus;
  /** 限期整改: the deadline (ISO date, YYYY-MM-DD) by which it is evaluated again. */
  rectifyUntil?: string;
  /** 合并: the registry code of the base it was merged into. */
  mergedInto?: string;
  /** 转 (or 纳入 from a legacy type): the type (or legacy type) it had before. */
  previousType?: BaseTypeCode | LegacyTypeCode;
  /** The year it entered the registry: its approval year, or the first round that named it. */
  enteredYear: number;
  history: RegistryHistoryEntry[];
};

/** What happened to a base in a year; the rows of 有进有出 and the Sankey's links. */
export type RegistryEventKind =
  | 'entered' // 批建, or first seen in a round
  | 'included' // 纳入: legacy type → new type
  | 'converted' // 转: type → another type
  | 'rectifying' // 限期整改
  | 'merged' // 合并
  | 'revoked'; // 撤销

export type RegistryEvent = {
  year: number;
  code: string;
  kind: RegistryEventKind;
  /** Round that caused it (absent for approvals). */
  roundId?: string;
  /** The type (or legacy type) before, and after, where the kind moves a base. */
  from?: BaseTypeCode | LegacyTypeCode;
  to?: BaseTypeCode;
};

/**
 * One link of the flow chart and of `pinggu registry`'s `flows`: `from` is a legacy type,
 * a new type or 'new' (批建); `to` is a new type, 'revoked' or 'merged'.
 */
export type RegistryFlow = {
  year: number;
  from: BaseTypeCode | LegacyTypeCode | 'new';
  to: BaseTypeCode | 'revoked' | 'merged';
  count: number;
};

export type RegistryState = {
  /** Sorted by code. */
  bases: RegistryBase[];
  /** In application order. */
  events: RegistryEvent[];
  /** The accepted rounds in the order they were applied. */
  rounds: AcceptedRound[];
};

/** Options of the fold; the default rectification period is the plan's one year. */
export type RegistryOptions = {
  /** Months after the round's closing by which a base under 限期整改 is evaluated again. */
  rectifyMonths: number;
};

// ---- the registry bundle (department → secretariat) ---------------------------------------

/** How the department chose the bases of the next round. */
export type RegistrySelection = {
  purpose: 'periodic' | 'followUp';
  categories?: CategoryCode[];
  types?: BaseTypeCode[];
  cities?: CityName[];
  /** Approval years, inclusive. */
  yearFrom?: number;
  yearTo?: number;
  /** Include bases under rectification whose deadline is on or before this date. */
  rectifyDueBy?: string;
};

/** The registry bundle's payload: the chosen bases with their history. */
export type RegistryPayload = {
  registry: {
    /** The year of the round the roster is for. */
    year: number;
    title: string;
    selection: RegistrySelection;
    bases: RegistryBase[];
  };
};

// ---- 后补助 (post-subsidies) -------------------------------------------------------------

/** Amounts in 万元 per grade and type; a type absent from the table gets 稳定支持 (no amount). */
export type FundingRule = {
  /** Base amount per grade, per type, in 万元. */
  amounts: Partial<Record<BaseTypeCode, Partial<Record<GradeCode, number>>>>;
  /** Optional total budget in 万元: amounts are scaled to add up exactly to it. */
  budget?: number;
};

export type FundingRow = {
  code: string;
  name: string;
  type: BaseTypeCode;
  category: CategoryCode;
  grade: GradeCode | null;
  disposition?: DispositionCode;
  /** 'subsidy' with an amount (后补助), 'stable' for 稳定支持, 'none' (revoked, merged, ungraded). */
  kind: 'subsidy' | 'stable' | 'none';
  /** The amount before scaling, and after scaling and rounding to whole 万元. */
  baseAmount: number;
  amount: number;
};

export type FundingTable = {
  roundId: string;
  rows: FundingRow[];
  total: number;
};
