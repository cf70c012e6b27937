// The domain's plain-data records. Everything here is serialisable JSON: these are the
// shapes stored in IndexedDB, carried in bundles and passed to the pure functions of
// shared/domain. Ids are strings produced by an injected id generator.

export type CategoryCode = 'A' | 'B' | 'C';

export type BaseTypeCode = 'A1' | 'B1' | 'B2' | 'B3' | 'B4' | 'B5' | 'C1' | 'C2' | 'C3';

export type LegacyTypeCode =
  | 'keyLaboratory' // 重点实验室
  | 'engineeringResearchCenter' // 工程研究中心
  | 'engineeringLaboratory' // 工程实验室
  | 'industrialGenericPlatform' // 产业共性技术创新平台
  | 'engineeringTechnologyCenter' // 工程技术研究中心
  | 'industrialSpecializedPlatform' // 产业专业技术创新平台
  | 'clinicalResearchCenter' // 临床医学研究中心
  | 'resourceSharingPlatform' // 科技创新资源共享服务平台
  | 'comprehensiveServicePlatform' // 科技创新综合服务平台
  | 'industrialServicePlatform'; // 产业技术创新综合服务平台

export type CityName =
  | '沈阳'
  | '大连'
  | '鞍山'
  | '抚顺'
  | '本溪'
  | '丹东'
  | '锦州'
  | '营口'
  | '阜新'
  | '辽阳'
  | '盘锦'
  | '铁岭'
  | '朝阳'
  | '葫芦岛'
  | '沈抚新区';

export type DispositionCode = 'include' | 'keepAdjust' | 'rectify' | 'merge' | 'convert' | 'revoke';

/** A disposition with the target it needs: 纳入 and 转 name a type, 合并 names a base. */
export type Disposition =
  | { code: 'include'; targetType: BaseTypeCode }
  | { code: 'keepAdjust' }
  | { code: 'rectify' }
  | { code: 'merge'; targetBaseId: string }
  | { code: 'convert'; targetType: BaseTypeCode }
  | { code: 'revoke' };

/** An expert's or the secretariat's recommendation: a disposition and why. */
export type DispositionDecision = {
  disposition: Disposition;
  reason: string;
};

// ---- indicator systems --------------------------------------------------------------

export type SecondaryIndicator = {
  id: string;
  name: string;
  maxPoints: number;
};

export type PrimaryIndicator = {
  id: string;
  name: string;
  maxPoints: number;
  children: SecondaryIndicator[];
};

export type TemplateSource = 'published' | 'draft';

export type IndicatorTemplate = {
  id: string;
  /** Incremented whenever an issued template is changed; issued versions are frozen. */
  version: number;
  baseType: BaseTypeCode;
  name: string;
  source: TemplateSource;
  /** Where the weights come from, shown to users (e.g. "国家重点实验室评估 50/30/20"). */
  note: string;
  primaries: PrimaryIndicator[];
  /** Set when this template is a copy of a built-in or another template. */
  derivedFrom?: string;
  /** Set once a round bundle carrying this template has been issued. */
  frozenAt?: string;
};

// ---- rounds, bases, people ----------------------------------------------------------

export type EvaluationType = 'integration' | 'periodic'; // 优化整合评估 | 定期评估

export type GradeCode = 'excellent' | 'good' | 'pass' | 'fail'; // 优秀 良好 合格 不合格

/** A grade band: totals ≥ minScore (and below the next band) get this grade. */
export type GradeBand = { grade: GradeCode; minScore: number };

export type QuotaRules = {
  /** 优秀 may be at most this share of a type (0.15 = 15%); null = no ceiling. */
  excellentMaxShare: number | null;
  /** 整改 + 不合格 must be at least this share of a type (0.10 = 10%); null = no floor. */
  rectifyOrFailMinShare: number | null;
};

export type AggregationMethod = 'mean' | 'median' | 'trimmedMean' | 'zScore';

export type AggregationRule = {
  method: AggregationMethod;
  /** Trimmed mean: drop this many highest and this many lowest scores ... */
  trimCount: number;
  /** ... when a base has at least this many valid scoresheets; plain mean below it. */
  trimMinSheets: number;
};

export type AgreementSettings = {
  /** A base is flagged when the range of its expert totals exceeds this many points. */
  disagreementRange: number;
};

export type RoundStatus = 'setup' | 'issued' | 'closed';

export type Round = {
  id: string;
  name: string;
  year: number;
  evaluationType: EvaluationType;
  gradeBands: GradeBand[];
  quotas: QuotaRules;
  aggregation: AggregationRule;
  agreement: AgreementSettings;
  /** Which template every base of a type is scored with. */
  templateByType: Partial<Record<BaseTypeCode, string>>;
  status: RoundStatus;
  createdAt: string;
  /** True for the built-in demo round, so the UI can label and remove it. */
  isDemo?: boolean;
  /**
   * Set on a round imported from a result bundle: a read-only archive of a finished round
   * (renderer/db/bundles). Scoresheets and decisions of an archived round are never written.
   */
  archive?: RoundArchive;
  /**
   * The latest closing (结束评估). Kept when the round is reopened (reopened* set), so the
   * next closing knows its version: 1 for the first, 2 after one reopening, and so on.
   */
  closure?: RoundClosure;
};

/** One closing of a round: its version, when and by whom, and the files it wrote. */
export type RoundClosure = {
  /** 1 for the first closing, incremented by each closing after a reopening. */
  version: number;
  closedAt: string;
  closedBy: string;
  /** SHA-256 (lower-case hex) of the final report workbook and the signed result bundle. */
  reportSha256?: string;
  resultSha256?: string;
  /** Set while the round is reopened (重新开启) after this closing. */
  reopenedAt?: string;
  reopenedBy?: string;
  reopenReason?: string;
};

/** Where an archived round came from. */
export type RoundArchive = {
  importedAt: string;
  /** The signer's key fingerprint (`ABCD-EF01-2345-6789`). */
  fingerprint: string;
  fileName: string;
  /** The result bundle's createdAt: an older result never replaces a newer archive. */
  bundleCreatedAt: string;
};

export type Base = {
  id: string;
  roundId: string;
  /** Stable registry code that links the same base across rounds (history charts). */
  code: string;
  name: string;
  type: BaseTypeCode;
  legacyType?: LegacyTypeCode;
  hostInstitution: string; // 依托单位
  city: CityName;
  director: string; // 负责人
  yearEstablished: number; // 批建年份
  field: string; // 所属领域
  keyFigures?: Record<string, number | string>;
  panelId?: string;
};

export type Panel = {
  id: string;
  roundId: string;
  name: string;
  chairExpertId?: string;
};

export type Expert = {
  id: string;
  roundId: string;
  panelId: string;
  name: string;
  institution: string;
  title: string; // 职称
  field: string;
  phone?: string;
};

export type RecusalSource = 'institution' | 'declared' | 'secretariat';

export type Recusal = {
  reason: string;
  source: RecusalSource;
  at: string;
};

/** One expert scores one base. A recusal here means the sheet may never be scored. */
export type Assignment = {
  id: string;
  roundId: string;
  panelId: string;
  expertId: string;
  baseId: string;
  recusal?: Recusal;
};

// ---- scoresheets ----------------------------------------------------------------------

export type ScoresheetStatus = 'draft' | 'submitted';

export type Scoresheet = {
  id: string;
  roundId: string;
  baseId: string;
  expertId: string;
  templateId: string;
  templateVersion: number;
  /** Secondary indicator id → score. A missing key means "not scored yet". */
  scores: Record<string, number>;
  /** Indicator id (primary or secondary) → comment. */
  comments: Record<string, string>;
  overallComment: string;
  recommendation?: DispositionDecision;
  /** A recused sheet is locked and excluded from every statistic. */
  recusal?: Recusal;
  status: ScoresheetStatus;
  submittedAt?: string;
  /** Incremented on every saved change; used by bundle merge. */
  revision: number;
  /** Hybrid logical clock timestamp of the last edit. */
  hlc: string;
  /** Device that made the last edit. */
  deviceId: string;
  updatedAt: string;
  /**
   * Version vector: device id → number of saved edits that device made to this sheet
   * (shared/sync/versions.ts, bumpVersion). Bundle merge tells "descends from" from
   * "concurrent" with it. Absent on older data, which merge reads as { [deviceId]: revision }.
   */
  versions?: Record<string, number>;
  /**
   * Version vectors of other sheets for the same expert and base (created under other ids
   * on other laptops) that a conflict resolution folded into this one, keyed by their id,
   * so a later import of those copies is recognised as already settled.
   */
  absorbedVersions?: Record<string, Record<string, number>>;
};

/** The secretariat's final decision for a base (audited). */
export type FinalDecision = DispositionDecision & {
  id: string;
  roundId: string;
  baseId: string;
  decidedAt: string;
  decidedBy: string;
  /** What the decision was made on, recorded when the round is closed. */
  basis?: DecisionBasis;
};

/** The result a decision stands on: aggregate, the method that produced it, grade, sheets. */
export type DecisionBasis = {
  aggregate: number | null;
  method: AggregationMethod;
  grade: GradeCode | null;
  /** Valid sheets counted (voided and recused ones excluded). */
  sheets: number;
  recordedAt: string;
};

// ---- changes during a round ---------------------------------------------------------------

/**
 * A change the secretariat makes after the round bundles went out (轮次变更). Each carries a
 * typed reason and is undone only by another reason; none deletes a score. The sheets of the
 * expert × base pairs in `voids` are voided (作废): kept and shown, counted in no statistic.
 * - replaceExpert: `expertId` leaves the panel's work to `replacementExpertId`;
 * - withdrawBase: `baseId` leaves the round;
 * - moveBase: `baseId` goes from panel `fromPanelId` to `toPanelId`;
 * - declareConflict: `expertId` is recused from `baseId` after a sheet was started;
 * - waiveMissing: the missing sheet of `expertId` for `baseId` is waived (缺评), so closing
 *   need not wait for it (voids nothing).
 */
export type RoundChangeKind =
  'replaceExpert' | 'withdrawBase' | 'moveBase' | 'declareConflict' | 'waiveMissing';

export type RoundChange = {
  id: string;
  roundId: string;
  kind: RoundChangeKind;
  at: string;
  actor: string;
  reason: string;
  expertId?: string;
  replacementExpertId?: string;
  baseId?: string;
  fromPanelId?: string;
  toPanelId?: string;
  /** Expert × base pairs whose sheets this change voids, while it stands. */
  voids: { expertId: string; baseId: string }[];
  /** The assignment records as they were before the change and as it wrote them (for undo). */
  before?: Assignment[];
  after?: Assignment[];
  /** Set when the change was undone; it then voids nothing. */
  undone?: { at: string; actor: string; reason: string };
};

/**
 * Where a result bundle's panel data came from: which key signed each panel's scores, and
 * whether a person checked those keys (app: every panel key accepted with its fingerprint
 * compared; `pinggu merge --trust`: every key matched the trust file).
 */
export type ResultProvenance = {
  keysVerified: boolean;
  panelKeys: { panelId: string; deviceId: string; fingerprint: string }[];
};

// ---- merge, import and audit records -------------------------------------------------

export type ConflictRecord = {
  id: string;
  roundId: string;
  scoresheetId: string;
  local: Scoresheet;
  incoming: Scoresheet;
  detectedAt: string;
  sourceImportId: string;
  resolvedAt?: string;
  resolution?: 'local' | 'incoming' | 'manual';
};

export type BundleKind = 'round' | 'scores' | 'result' | 'backup' | 'registry';

export type BundleImportRecord = {
  id: string;
  roundId: string;
  kind: BundleKind;
  fileName: string;
  deviceId: string;
  fingerprint: string;
  importedAt: string;
  counts: { added: number; updated: number; unchanged: number; conflicts: number; refused: number };
};

export type TrustedKeyRole = 'secretariat' | 'panelDevice';

/** A public key this installation pinned (trust on first use), per round. */
export type TrustedKey = {
  id: string;
  roundId: string;
  /** secretariat: signs round (and result) bundles; panelDevice: one laptop of one panel. */
  role: TrustedKeyRole;
  panelId?: string;
  deviceId?: string;
  /** Raw Ed25519 public key, base64. */
  publicKey: string;
  fingerprint: string;
  firstSeenAt: string;
  /**
   * Who accepted the key after comparing its fingerprint with the panel's signed paper
   * summary (a panel device's first key, or a replacement key), when a person did.
   */
  acceptedBy?: string;
  /** When that person accepted it. */
  acceptedAt?: string;
  /** Keys this one replaced, oldest first. */
  replaced?: { publicKey: string; fingerprint: string; until: string }[];
};

export type AuditAction =
  | 'scoresheet.create'
  | 'scoresheet.update'
  | 'scoresheet.submit'
  | 'scoresheet.reopen'
  | 'scoresheet.recuse'
  | 'scoresheet.import'
  | 'scoresheet.resolveConflict'
  | 'decision.record'
  | 'round.create'
  | 'round.delete'
  | 'round.update'
  | 'template.save'
  | 'template.assign'
  | 'panel.create'
  | 'panel.update'
  | 'panel.delete'
  | 'expert.create'
  | 'expert.update'
  | 'expert.delete'
  | 'expert.import'
  | 'expert.pinReset'
  | 'assignment.update'
  | 'conflict.declare'
  | 'round.issue'
  | 'roster.import'
  | 'roster.clear'
  | 'base.delete'
  | 'demo.load'
  | 'change.record'
  | 'change.undo'
  | 'round.close'
  | 'round.reopen'
  | 'scoresheet.continue'
  | 'registry.accept'
  | 'registry.approve'
  | 'registry.export'
  | 'registry.funding';

export type AuditEntry = {
  /** Auto-incremented by the database. */
  seq?: number;
  at: string;
  roundId: string;
  action: AuditAction;
  entityId: string;
  actor: string;
  detail?: string;
};
