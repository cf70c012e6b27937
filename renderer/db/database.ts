// The app's one IndexedDB database: a Dexie subclass with a typed table per record kind.
// Only renderer/db/repositories write to it; screens read through queries.ts and hooks.ts.
import { Dexie } from 'dexie';
import type { DexieOptions, EntityTable, Table } from 'dexie';
import type {
  Assignment,
  Base,
  BundleImportRecord,
  ConflictRecord,
  Expert,
  FinalDecision,
  IndicatorTemplate,
  Panel,
  Round,
  RoundChange,
  Scoresheet,
  TrustedKey,
} from '../../shared/domain/types';
import type {
  AcceptedRound,
  RegistryApproval,
  RegistryHistoryEntry,
} from '../../shared/registry/types';
import type { AuditRecord } from './repositories/audit';
import { declareSchema } from './schema';

/**
 * A base's line in an earlier round, as a registry bundle brought it to a secretariat's
 * laptop (the chair's 历年评估 chart reads it by registry code). Id: `${code}:${roundId}`.
 */
export type RegistryHistoryRecord = RegistryHistoryEntry & {
  id: string;
  code: string;
  /** The base's name in that round. */
  name: string;
  /** SHA-256 of the registry bundle it came from. */
  sourceSha256: string;
};

export type LanguageCode = 'zh-CN' | 'en';

/** Every key of the settings table and the type of its value. */
export type SettingsValues = {
  /** Identifies this installation in bundles and in each scoresheet's last edit. */
  deviceId: string;
  currentRoundId: string;
  language: LanguageCode;
  /** The expert this laptop is used by, on an expert's device. */
  currentExpertId: string;
  /**
   * Experts' optional scoring PINs (salted SHA-256) by expert id, as JSON text: a backup
   * bundle carries setting values as scalars only. Read and written by expertPinRepository.
   */
  expertPins: string;
  /**
   * Consecutive wrong PINs by expert id ({ count, lastAt }), as JSON text, so the pause they
   * impose (shared/domain/pinAttempts.ts) survives closing the window.
   */
  pinFailures: string;
  /**
   * The latest round bundle issued to each panel, by round and panel id, as JSON text.
   * Read and written by issueRepository.
   */
  issuedRoundBundles: string;
  /**
   * On a panel laptop, the newest round bundle taken for each round and panel (its manifest
   * time), as JSON text. Read and written by bundles/receivedRoundBundles.
   */
  receivedRoundBundles: string;
  /**
   * 后补助 settings of the department's registry (amounts per type and grade, the budget of
   * each accepted round), as JSON text. Read and written by fundingRepository.
   */
  fundingSettings: string;
};

export type SettingKey = keyof SettingsValues;

export type SettingRecord = {
  [K in SettingKey]: { key: K; value: SettingsValues[K] };
}[SettingKey];

export const DEFAULT_DATABASE_NAME = 'pinggu';

export class PingguDatabase extends Dexie {
  declare rounds: EntityTable<Round, 'id'>;
  declare bases: EntityTable<Base, 'id'>;
  declare templates: EntityTable<IndicatorTemplate, 'id'>;
  declare panels: EntityTable<Panel, 'id'>;
  declare experts: EntityTable<Expert, 'id'>;
  declare assignments: EntityTable<Assignment, 'id'>;
  declare scoresheets: EntityTable<Scoresheet, 'id'>;
  declare decisions: EntityTable<FinalDecision, 'id'>;
  declare conflicts: EntityTable<ConflictRecord, 'id'>;
  declare bundleImports: EntityTable<BundleImportRecord, 'id'>;
  /** Single entries and import groups: read through repositories/audit.ts. */
  declare auditLog: EntityTable<AuditRecord, 'seq'>;
  declare settings: Table<SettingRecord, SettingKey>;
  declare trustedKeys: EntityTable<TrustedKey, 'id'>;
  declare roundChanges: EntityTable<RoundChange, 'id'>;
  declare registryRounds: EntityTable<AcceptedRound, 'roundId'>;
  declare registryApprovals: EntityTable<RegistryApproval, 'code'>;
  declare registryHistory: EntityTable<RegistryHistoryRecord, 'id'>;

  constructor(name: string = DEFAULT_DATABASE_NAME, options: DexieOptions = {}) {
    // 'strict' makes Chromium flush a committed transaction to disk before reporting
    // success, so a laptop lid closed right after a save loses nothing.
    super(name, { chromeTransactionDurability: 'strict', ...options });
    declareSchema(this);
  }
}

/** Creates (does not open) a database; tests pass a unique name per test. */
export function createDatabase(
  name: string = DEFAULT_DATABASE_NAME,
  options?: DexieOptions,
): PingguDatabase {
  return new PingguDatabase(name, options);
}
