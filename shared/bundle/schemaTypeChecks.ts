// Compile-time proof that the zod schemas and the domain types describe the same shapes:
// each pair must be assignable both ways, so adding, removing or retyping a field in
// shared/domain/types.ts without updating schemas.ts (or the reverse) fails `tsc`.
import type { z } from 'zod';
import type {
  Assignment,
  AuditAction,
  AuditEntry,
  Base,
  BaseTypeCode,
  BundleImportRecord,
  BundleKind,
  CategoryCode,
  CityName,
  ConflictRecord,
  Disposition,
  DispositionCode,
  DispositionDecision,
  Expert,
  FinalDecision,
  IndicatorTemplate,
  LegacyTypeCode,
  Panel,
  ResultProvenance,
  Round,
  RoundChange,
  Scoresheet,
} from '../domain/types';
import type { RegistryHistoryRow } from '../registry/roster';
import type {
  AcceptedBaseOutcome,
  AcceptedRound,
  RegistryApproval,
  RegistryBase,
  RegistryHistoryEntry,
  RegistryPayload,
  RegistrySelection,
  RegistryStatus,
} from '../registry/types';
import type {
  AUDIT_ACTIONS,
  BASE_TYPE_CODES,
  CATEGORY_CODES,
  CITY_NAMES,
  DISPOSITION_CODES,
  LEGACY_TYPE_CODES,
  REGISTRY_PURPOSES,
  REGISTRY_STATUSES,
} from './enums';
import type { BUNDLE_KINDS } from './format';
import type { BackupSetting } from './payload';
import type {
  acceptedBaseOutcomeSchema,
  acceptedRoundSchema,
  assignmentSchema,
  auditEntrySchema,
  backupSettingSchema,
  baseSchema,
  bundleImportRecordSchema,
  conflictRecordSchema,
  dispositionDecisionSchema,
  dispositionSchema,
  expertSchema,
  finalDecisionSchema,
  indicatorTemplateSchema,
  panelSchema,
  registryApprovalSchema,
  registryBaseSchema,
  registryHistoryEntrySchema,
  registryHistoryRowSchema,
  registrySchema,
  registrySelectionSchema,
  resultProvenanceSchema,
  roundChangeSchema,
  roundSchema,
  scoresheetSchema,
} from './schemas';

/** true when A and B are mutually assignable. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

type SchemaMatches = {
  disposition: Same<z.infer<typeof dispositionSchema>, Disposition>;
  dispositionDecision: Same<z.infer<typeof dispositionDecisionSchema>, DispositionDecision>;
  template: Same<z.infer<typeof indicatorTemplateSchema>, IndicatorTemplate>;
  round: Same<z.infer<typeof roundSchema>, Round>;
  roundChange: Same<z.infer<typeof roundChangeSchema>, RoundChange>;
  provenance: Same<z.infer<typeof resultProvenanceSchema>, ResultProvenance>;
  base: Same<z.infer<typeof baseSchema>, Base>;
  panel: Same<z.infer<typeof panelSchema>, Panel>;
  expert: Same<z.infer<typeof expertSchema>, Expert>;
  assignment: Same<z.infer<typeof assignmentSchema>, Assignment>;
  scoresheet: Same<z.infer<typeof scoresheetSchema>, Scoresheet>;
  finalDecision: Same<z.infer<typeof finalDecisionSchema>, FinalDecision>;
  conflict: Same<z.infer<typeof conflictRecordSchema>, ConflictRecord>;
  bundleImport: Same<z.infer<typeof bundleImportRecordSchema>, BundleImportRecord>;
  auditEntry: Same<z.infer<typeof auditEntrySchema>, AuditEntry>;
  backupSetting: Same<z.infer<typeof backupSettingSchema>, BackupSetting>;
  registryHistory: Same<z.infer<typeof registryHistoryEntrySchema>, RegistryHistoryEntry>;
  registryBase: Same<z.infer<typeof registryBaseSchema>, RegistryBase>;
  registrySelection: Same<z.infer<typeof registrySelectionSchema>, RegistrySelection>;
  registry: Same<z.infer<typeof registrySchema>, RegistryPayload['registry']>;
  acceptedBaseOutcome: Same<z.infer<typeof acceptedBaseOutcomeSchema>, AcceptedBaseOutcome>;
  acceptedRound: Same<z.infer<typeof acceptedRoundSchema>, AcceptedRound>;
  registryApproval: Same<z.infer<typeof registryApprovalSchema>, RegistryApproval>;
  registryHistoryRow: Same<z.infer<typeof registryHistoryRowSchema>, RegistryHistoryRow>;
  // The enumerations list every member of their union (satisfies alone allows fewer).
  baseTypes: Same<(typeof BASE_TYPE_CODES)[number], BaseTypeCode>;
  legacyTypes: Same<(typeof LEGACY_TYPE_CODES)[number], LegacyTypeCode>;
  cities: Same<(typeof CITY_NAMES)[number], CityName>;
  dispositions: Same<(typeof DISPOSITION_CODES)[number], DispositionCode>;
  auditActions: Same<(typeof AUDIT_ACTIONS)[number], AuditAction>;
  kinds: Same<(typeof BUNDLE_KINDS)[number], BundleKind>;
  categories: Same<(typeof CATEGORY_CODES)[number], CategoryCode>;
  registryStatuses: Same<(typeof REGISTRY_STATUSES)[number], RegistryStatus>;
  registryPurposes: Same<(typeof REGISTRY_PURPOSES)[number], RegistrySelection['purpose']>;
};

/** Fails to compile when any entry of SchemaMatches is false. */
export const SCHEMAS_MATCH_TYPES = {
  disposition: true,
  dispositionDecision: true,
  template: true,
  round: true,
  roundChange: true,
  provenance: true,
  base: true,
  panel: true,
  expert: true,
  assignment: true,
  scoresheet: true,
  finalDecision: true,
  conflict: true,
  bundleImport: true,
  auditEntry: true,
  backupSetting: true,
  registryHistory: true,
  registryBase: true,
  registrySelection: true,
  registry: true,
  acceptedBaseOutcome: true,
  acceptedRound: true,
  registryApproval: true,
  registryHistoryRow: true,
  baseTypes: true,
  legacyTypes: true,
  cities: true,
  dispositions: true,
  auditActions: true,
  kinds: true,
  categories: true,
  registryStatuses: true,
  registryPurposes: true,
} as const satisfies SchemaMatches;
