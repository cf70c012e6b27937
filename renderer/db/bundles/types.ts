// The shapes an import passes around: what prepareImport shows before anything is written
// (the preview), what commitImport needs to write it, and what it reports afterwards.
import type { WebCryptoLike } from '../../../shared/bundle/cryptoTypes';
import type { OpenedBundle } from '../../../shared/bundle/bundle';
import type {
  BundleKind,
  RoundChange,
  RoundChangeKind,
  TrustedKeyRole,
} from '../../../shared/domain/types';
import type {
  ImportCounts,
  ImportOutcome,
  ImportReason,
} from '../../../shared/sync/mergeScoresheets';
import type { ImportError } from './importErrors';
import type { RoundReads } from './localState';
import type { SheetRefusal } from '../../../shared/domain/sheetAdmission';

/**
 * What the general import takes: every kind but the department's registry bundle, which only
 * the round wizard reads (prepareImport refuses it as wrongKind, naming where to use it).
 */
export type ImportableBundle = Exclude<OpenedBundle, { kind: 'registry' }>;

export type PrepareOptions = {
  crypto: WebCryptoLike;
  passphrase?: string;
  /** Kinds the screen takes; any other is a 'wrongKind' error. */
  expectedKinds: readonly BundleKind[];
  /** The screen's round: a bundle of another round is a 'wrongRound' error. */
  roundId?: string;
  /**
   * Every sheet id stored here, read once for a batch (prepareBatch): the preview then looks
   * up by id only the bundle's ids among them, not each of its ids (one request each). An id
   * stored since is met by the commit (localState.ts, ReadOptions).
   */
  storedSheetIds?: ReadonlySet<string>;
  /**
   * What a batch read once for all its previews (prepareBatch): the reads of its round, and
   * the bases holding any stored sheet (the sheets of other bases are not read: there are
   * none). As storedSheetIds, a snapshot: what is written since is met by the commit.
   */
  batchReads?: BatchReads;
};

export type BatchReads = {
  roundId: string;
  round: RoundReads;
  sheetBaseIds: ReadonlySet<string>;
};

export type CommitOptions = {
  /**
   * A person compared the signer's fingerprint with the panel's signed paper summary and
   * accepts it: needed for a panel device's first key and for a key other than the pinned one.
   */
  acceptNewKey?: boolean;
  /** Who imports, for the audit log, and who accepted a key (the pin's acceptedBy). */
  actor: string;
  clock: { now(): string };
  newId(): string;
};

// ---- keys -------------------------------------------------------------------------------

export type KeyStatus =
  /** The signer is the key pinned for this round (and panel device). */
  | 'pinned'
  /** The first bundle of this round from a secretariat: its key gets pinned. */
  | 'newSecretariat'
  /** A device of this panel not seen before: its key gets pinned. Compare the fingerprint. */
  | 'newDevice'
  /** Another key than the pinned one: refused unless a person accepts the new key. */
  | 'mismatch'
  /** Backups are not pinned (they come from this machine, or its predecessor). */
  | 'notPinned';

export type KeyCheck = {
  role: TrustedKeyRole | 'backup';
  status: KeyStatus;
  publicKey: string;
  fingerprint: string;
  deviceId: string;
  /** mismatch: the fingerprint pinned before. */
  pinnedFingerprint?: string;
  /** newDevice: fingerprints of the panel's other devices pinned before. */
  otherDeviceFingerprints?: string[];
  /** One sentence for the clerk about what to check. */
  note: string;
};

// ---- scoresheets ------------------------------------------------------------------------

export type { SheetRefusal };

export type SheetPreview = {
  sheetId: string;
  baseId: string;
  expertId: string;
  baseName: string;
  expertName: string;
  outcome: ImportOutcome;
  reason?: ImportReason | SheetRefusal;
  /** The sheet's pair is voided by a standing round change: stored, never counted. */
  voided?: VoidedBy;
};

/** The change that voids a sheet (作废), as the previews show it. */
export type VoidedBy = Pick<RoundChange, 'id' | 'kind' | 'reason'>;

/** Sheets of a score bundle taken as voided, and the distinct reasons of their changes. */
export type VoidedSheets = { sheets: number; reasons: string[] };

export type SheetGroup = {
  id: string;
  name: string;
  counts: ImportCounts;
  sheets: SheetPreview[];
};

export type SheetsPreview = {
  counts: ImportCounts;
  byBase: SheetGroup[];
  byExpert: SheetGroup[];
  /** Sheets that would be written and conflicts that would open. */
  writes: { sheets: number; deletedSheets: number; newConflicts: number; openConflicts: number };
  /** Sheets taken as voided (also counted in `counts` by their merge outcome). */
  voided: VoidedSheets;
};

// ---- roster (round and result bundles) -----------------------------------------------

export type RecordCounts = { added: number; changed: number; unchanged: number };

export type RosterTable = 'rounds' | 'templates' | 'bases' | 'panels' | 'experts' | 'assignments';

export type RosterPreview = Record<RosterTable, RecordCounts> & {
  /** Names of experts and bases this bundle adds, for the preview's list. */
  addedExperts: string[];
  addedBases: string[];
  /** What a re-issued round bundle withdrew from its panel (see RosterWithdrawal). */
  withdrawn: RosterWithdrawal;
  /** The round changes (轮次变更) the bundle carries, and what they void here. */
  changes: ChangesPreview;
};

/** One round change as a preview lists it, with the names of what it concerns. */
export type ChangePreview = {
  id: string;
  kind: RoundChangeKind;
  at: string;
  actor: string;
  reason: string;
  /** Names (or ids, when this machine knows no name) of what the change concerns. */
  expert?: string;
  replacement?: string;
  base?: string;
  fromPanel?: string;
  toPanel?: string;
  /** Expert × base pairs it voids while it stands. */
  voids: number;
  undone?: RoundChange['undone'];
  /** Not stored here yet, stored in another state (e.g. now undone), or stored as it is. */
  status: 'new' | 'changed' | 'unchanged';
};

export type ChangesPreview = {
  /** Every change the bundle carries, oldest first. */
  items: ChangePreview[];
  /** Sheets stored here that are voided once the bundle is imported (kept, locked). */
  voidedSheets: number;
};

/**
 * Records of the bundle's panel stored here that a re-issued round bundle no longer carries:
 * the secretariat moved a base, replaced an expert or undid an assignment. They are deleted,
 * except where a sheet was started on them here (scores are never deleted): those stay.
 */
export type RosterWithdrawal = {
  /** Names of the bases and experts deleted. */
  bases: string[];
  experts: string[];
  /** Assignments deleted. */
  assignments: number;
  /** Withdrawn assignments kept because this laptop holds a sheet for them. */
  keptScored: number;
};

export type ArchivePreview = {
  /** 'new': a round not seen here; 'replace': a newer result of an archived round. */
  action: 'new' | 'replace' | 'unchanged';
  scoresheets: number;
  decisions: number;
};

export type BackupPreview = { records: Record<string, number>; createdAt: string };

export type ImportPreview = {
  kind: BundleKind;
  fileName: string;
  roundId?: string;
  roundName?: string;
  panelId?: string;
  panelName?: string;
  createdAt: string;
  encrypted: boolean;
  key: KeyCheck;
  /** Nothing would change in the data tables (e.g. the same bundle imported again). */
  unchanged: boolean;
  /** Set when commit would refuse unless the user accepts the key (unconfirmedKey, untrustedKey). */
  blocking?: ImportError;
  sheets?: SheetsPreview;
  roster?: RosterPreview;
  archive?: ArchivePreview;
  backup?: BackupPreview;
};

export type PreparedImport = {
  fileName: string;
  opened: ImportableBundle;
  preview: ImportPreview;
  /** The bundle's sheet ids the preview found nowhere here (localState.ts, ReadOptions). */
  absentSheetIds?: ReadonlySet<string>;
};

export type PrepareResult =
  { ok: true; prepared: PreparedImport } | { ok: false; error: ImportError };

export type CommitSummary = {
  kind: BundleKind;
  /** The bundleImports record written (none for a backup restore). */
  importId?: string;
  /** False when the data tables were left exactly as they were. */
  changed: boolean;
  counts: ImportCounts;
  sheets?: SheetPreview[];
  roster?: RosterPreview;
  keyPinned: boolean;
  keyReplaced: boolean;
  /** One sentence for the clerk. */
  message: string;
};

export type CommitResult = { ok: true; result: CommitSummary } | { ok: false; error: ImportError };
