// The IndexedDB schema as data, one entry per Dexie version. Entries are never edited once
// shipped: a change adds a new version (with an upgrade function when records must be
// rewritten) and a case in tests/renderer/db/migrations.test.ts.
//
// Indexes are kept to the queries the screens run, because every secondary index slows
// writes (see ENVIRONMENT.md). A compound index also serves queries on its first field
// (Dexie "virtual index"), so [roundId+type] answers "bases of a round" without a separate
// roundId index.
import type { Dexie, Transaction } from 'dexie';

export const TABLE_NAMES = [
  'rounds',
  'bases',
  'templates',
  'panels',
  'experts',
  'assignments',
  'scoresheets',
  'decisions',
  'conflicts',
  'bundleImports',
  'auditLog',
  'settings',
  'trustedKeys',
  'roundChanges',
  'registryRounds',
  'registryApprovals',
  'registryHistory',
] as const;

export type TableName = (typeof TABLE_NAMES)[number];

/**
 * Dexie store spec per table; `null` deletes a table in a later version. A version lists
 * every table it has (tables added later are absent from the versions before them).
 */
export type StoreSpecs = Partial<Record<TableName, string | null>>;

export type SchemaVersion = {
  version: number;
  stores: StoreSpecs;
  /** Rewrites existing records when this version is first opened; runs inside Dexie's upgrade transaction. */
  upgrade?: (tx: Transaction) => Promise<void> | void;
};

const V1_STORES: StoreSpecs = {
  rounds: 'id',
  // per round (virtual via the compound), per round and type, and by code for history across rounds
  bases: 'id, [roundId+type], code',
  // templates are few; screens filter them in memory
  templates: 'id',
  panels: 'id, roundId',
  experts: 'id, roundId',
  // per round and expert (also per round, virtual), per expert, per base
  assignments: 'id, [roundId+expertId], expertId, baseId',
  // per round, per base, and the (expert, base) lookup that also serves per expert (virtual).
  // Not unique: two laptops may each create a sheet for the same pair, and bundle merge must
  // see both rather than have the import fail.
  scoresheets: 'id, roundId, baseId, [expertId+baseId]',
  decisions: 'id, roundId, baseId',
  conflicts: 'id, roundId, scoresheetId',
  bundleImports: 'id, roundId',
  auditLog: '++seq, roundId, entityId',
  settings: 'key',
};

// v2: key pinning (renderer/db/bundles/trustedKeys.ts), looked up per round.
const V2_STORES: StoreSpecs = { ...V1_STORES, trustedKeys: 'id, roundId' };

// v3: changes during a round (轮次变更, shared/domain/roundChanges.ts), read per round.
const V3_STORES: StoreSpecs = { ...V2_STORES, roundChanges: 'id, roundId' };

// v4: the department's registry of bases (shared/registry): accepted rounds by round id,
// approvals (批建) by registry code, and on a secretariat's laptop the history a registry
// bundle brought, read per registry code by the chair's history chart.
const V4_STORES: StoreSpecs = {
  ...V3_STORES,
  registryRounds: 'roundId',
  registryApprovals: 'code',
  registryHistory: 'id, code',
};

// v5: an import writes its audit entries as ONE record (an AuditGroup: renderer/db/repositories/
// audit.ts) indexed by every record it concerns (multiEntry *entityIds), instead of one row per
// sheet: IndexedDB pays per record, and those rows cost an import about as much as its sheets.
// Rows written before stay as they are (single entries, read by entityId as before): no upgrade.
const V5_STORES: StoreSpecs = {
  ...V4_STORES,
  auditLog: '++seq, roundId, entityId, *entityIds',
};

// v6: a score bundle's bases and experts read in one request each, by its panel
// (renderer/db/bundles/localState.ts), where they were read one request per record: an
// import's reads cost IndexedDB per request. Dexie builds the new indexes from the stored
// records when the version opens; no record changes. Bases get a roundId index of their own:
// the virtual one Dexie derived from [roundId+type] would otherwise come from
// [roundId+panelId], which leaves out a base with no panel.
const V6_STORES: StoreSpecs = {
  ...V5_STORES,
  bases: 'id, roundId, [roundId+type], code, [roundId+panelId]',
  experts: 'id, roundId, [roundId+panelId]',
};

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  { version: 1, stores: V1_STORES },
  { version: 2, stores: V2_STORES },
  { version: 3, stores: V3_STORES },
  { version: 4, stores: V4_STORES },
  { version: 5, stores: V5_STORES },
  { version: 6, stores: V6_STORES },
];

export const CURRENT_SCHEMA_VERSION: number = SCHEMA_VERSIONS.reduce(
  (latest, v) => Math.max(latest, v.version),
  0,
);

/**
 * Declares every version up to and including `upTo` on a Dexie instance. The app declares
 * them all; migration tests declare an older prefix to build a database as it was.
 */
export function declareSchema(
  db: Dexie,
  upTo: number = CURRENT_SCHEMA_VERSION,
  versions: readonly SchemaVersion[] = SCHEMA_VERSIONS,
): void {
  for (const v of versions) {
    if (v.version > upTo) continue;
    const declared = db.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
}
