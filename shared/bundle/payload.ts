// What each kind of bundle carries, as types and as schemas of its payload entries, plus
// the checks across records that one entry's schema cannot make (ids unique within an
// entry; every record of a round, score or result bundle belongs to the manifest's round;
// a registry's base codes unique and no base carrying a field its status does not have).
import { z } from 'zod';
import type {
  Assignment,
  AuditEntry,
  Base,
  BundleImportRecord,
  BundleKind,
  ConflictRecord,
  Expert,
  FinalDecision,
  IndicatorTemplate,
  Panel,
  ResultProvenance,
  Round,
  RoundChange,
  Scoresheet,
} from '../domain/types';
import type { RegistryHistoryRow } from '../registry/roster';
import type { AcceptedRound, RegistryApproval, RegistryPayload } from '../registry/types';
import { PAYLOAD_KEYS } from './format';
import type { PayloadKey, PayloadKeysOf } from './format';
import {
  acceptedRoundSchema,
  assignmentSchema,
  auditEntrySchema,
  backupSettingSchema,
  baseSchema,
  bundleImportRecordSchema,
  conflictRecordSchema,
  expertSchema,
  finalDecisionSchema,
  indicatorTemplateSchema,
  panelSchema,
  registryApprovalSchema,
  registryHistoryRowSchema,
  registrySchema,
  resultProvenanceSchema,
  roundChangeSchema,
  roundSchema,
  scoresheetSchema,
} from './schemas';

export type BackupSetting = { key: string; value: string | number | boolean | null };

export type RoundPayload = {
  round: Round;
  templates: IndicatorTemplate[];
  bases: Base[];
  panels: Panel[];
  experts: Expert[];
  assignments: Assignment[];
  /** The round's changes during scoring (轮次变更), with the pairs they void. */
  changes: RoundChange[];
};

export type ScoresPayload = { scoresheets: Scoresheet[]; audit: AuditEntry[] };

export type ResultPayload = RoundPayload & {
  scoresheets: Scoresheet[];
  decisions: FinalDecision[];
  provenance: ResultProvenance;
};

export type BackupPayload = {
  rounds: Round[];
  templates: IndicatorTemplate[];
  bases: Base[];
  panels: Panel[];
  experts: Expert[];
  assignments: Assignment[];
  scoresheets: Scoresheet[];
  decisions: FinalDecision[];
  conflicts: ConflictRecord[];
  imports: BundleImportRecord[];
  audit: AuditEntry[];
  settings: BackupSetting[];
  changes: RoundChange[];
  /** The department's registry (format version 4; empty in older backups). */
  registryRounds: AcceptedRound[];
  registryApprovals: RegistryApproval[];
  /** History lines a registry bundle brought to a secretariat's laptop. */
  registryHistory: RegistryHistoryRow[];
};

export type { RegistryPayload } from '../registry/types';

export type PayloadByKind = {
  round: RoundPayload;
  scores: ScoresPayload;
  result: ResultPayload;
  backup: BackupPayload;
  registry: RegistryPayload;
};

export type BundlePayload = PayloadByKind[BundleKind];

// Each payload's keys are exactly the entry list of its kind in format.ts.
type SameKeys<A, B> = [keyof A] extends [B] ? ([B] extends [keyof A] ? true : false) : false;
const _payloadKeysMatchFormat: {
  [K in BundleKind]: SameKeys<PayloadByKind[K], PayloadKeysOf<K>>;
} = { round: true, scores: true, result: true, backup: true, registry: true };

/** The schema of each payload entry file (`<key>.json`). */
export const PAYLOAD_ENTRY_SCHEMAS = {
  round: roundSchema,
  rounds: z.array(roundSchema),
  templates: z.array(indicatorTemplateSchema),
  bases: z.array(baseSchema),
  panels: z.array(panelSchema),
  experts: z.array(expertSchema),
  assignments: z.array(assignmentSchema),
  scoresheets: z.array(scoresheetSchema),
  decisions: z.array(finalDecisionSchema),
  conflicts: z.array(conflictRecordSchema),
  imports: z.array(bundleImportRecordSchema),
  audit: z.array(auditEntrySchema),
  settings: z.array(backupSettingSchema),
  changes: z.array(roundChangeSchema),
  provenance: resultProvenanceSchema,
  registry: registrySchema,
  registryRounds: z.array(acceptedRoundSchema),
  registryApprovals: z.array(registryApprovalSchema),
  registryHistory: z.array(registryHistoryRowSchema),
} as const satisfies Record<PayloadKey, z.ZodType>;

const entries = PAYLOAD_ENTRY_SCHEMAS;

/** The whole payload of each kind; its keys are the kind's entries. */
export const PAYLOAD_SCHEMAS: { readonly [K in BundleKind]: z.ZodType<PayloadByKind[K]> } = {
  round: z.strictObject({
    round: entries.round,
    templates: entries.templates,
    bases: entries.bases,
    panels: entries.panels,
    experts: entries.experts,
    assignments: entries.assignments,
    changes: entries.changes,
  }),
  scores: z.strictObject({ scoresheets: entries.scoresheets, audit: entries.audit }),
  result: z.strictObject({
    round: entries.round,
    templates: entries.templates,
    bases: entries.bases,
    panels: entries.panels,
    experts: entries.experts,
    assignments: entries.assignments,
    scoresheets: entries.scoresheets,
    decisions: entries.decisions,
    changes: entries.changes,
    provenance: entries.provenance,
  }),
  backup: z.strictObject({
    rounds: entries.rounds,
    templates: entries.templates,
    bases: entries.bases,
    panels: entries.panels,
    experts: entries.experts,
    assignments: entries.assignments,
    scoresheets: entries.scoresheets,
    decisions: entries.decisions,
    conflicts: entries.conflicts,
    imports: entries.imports,
    audit: entries.audit,
    settings: entries.settings,
    changes: entries.changes,
    registryRounds: entries.registryRounds,
    registryApprovals: entries.registryApprovals,
    registryHistory: entries.registryHistory,
  }),
  registry: z.strictObject({ registry: entries.registry }),
};

// ---- checks across records ----------------------------------------------------------

export type PayloadProblem = {
  key: PayloadKey;
  index?: number;
  record?: string;
  field: string;
  zh: string;
  en: string;
};

const isRecordObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The field that identifies a record where it is not `id` (the table's primary key). */
const RECORD_KEY_FIELDS: Partial<Record<PayloadKey, string>> = {
  settings: 'key',
  registryRounds: 'roundId',
  registryApprovals: 'code',
};

const recordsOf = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

/**
 * Problems a schema cannot see: a duplicate id (settings key, accepted round's roundId,
 * approval's code) within one entry, and, for
 * every kind but backup, a record whose roundId is not the manifest's round; in a registry,
 * a base code listed twice and a status that disagrees with its fields.
 */
export function crossRecordProblem(
  kind: BundleKind,
  roundId: string | undefined,
  entries: Partial<Record<PayloadKey, unknown>>,
): PayloadProblem | undefined {
  for (const key of PAYLOAD_KEYS) {
    if (!Object.hasOwn(entries, key)) continue;
    if (key === 'registry') {
      const problem = registryProblem(entries[key]);
      if (problem) return problem;
      continue;
    }
    // provenance is one object about the bundle, neither a record with an id nor of a round.
    if (key === 'provenance') continue;
    const value = entries[key];
    const seen = new Set<string>();
    const idField = RECORD_KEY_FIELDS[key] ?? 'id';
    const records = recordsOf(value);
    for (const [index, record] of records.entries()) {
      if (!isRecordObject(record)) continue;
      const id = record[idField];
      const at = Array.isArray(value) ? { index } : {};
      const label = typeof id === 'string' ? id : undefined;
      if (typeof id === 'string') {
        if (seen.has(id)) {
          return {
            key,
            ...at,
            record: id,
            field: idField,
            zh: '与前面的记录重复',
            en: 'duplicates an earlier record',
          };
        }
        seen.add(id);
      }
      if (kind === 'backup' || roundId === undefined) continue;
      const own = key === 'round' ? record.id : record.roundId;
      if (key !== 'templates' && own !== roundId) {
        return {
          key,
          ...at,
          ...(label === undefined ? {} : { record: label }),
          field: key === 'round' ? 'id' : 'roundId',
          zh: `不属于本数据包的评估轮次“${roundId}”`,
          en: `does not belong to the bundle's round "${roundId}"`,
        };
      }
    }
  }
  return undefined;
}

/**
 * The registry's own rules: each registry code once; `mergedInto` only on a merged base and
 * `rectifyUntil` only on a base under rectification. Positions count within `bases`.
 */
function registryProblem(value: unknown): PayloadProblem | undefined {
  if (!isRecordObject(value) || !Array.isArray(value.bases)) return undefined;
  const seen = new Set<string>();
  for (const [index, base] of value.bases.entries()) {
    if (!isRecordObject(base) || typeof base.code !== 'string') continue;
    const at = { key: 'registry' as const, index, record: base.code };
    if (seen.has(base.code)) {
      return { ...at, field: 'code', zh: '与前面的基地重复', en: 'duplicates an earlier base' };
    }
    seen.add(base.code);
    if (base.mergedInto !== undefined && base.status !== 'merged') {
      return {
        ...at,
        field: 'mergedInto',
        zh: '只能用于已并入的基地',
        en: 'is only allowed on a merged base',
      };
    }
    if (base.rectifyUntil !== undefined && base.status !== 'rectifying') {
      return {
        ...at,
        field: 'rectifyUntil',
        zh: '只能用于限期整改中的基地',
        en: 'is only allowed on a base under rectification',
      };
    }
  }
  return undefined;
}
