// The domain's enumerations as arrays for the zod schemas. `satisfies` keeps each member
// valid and schemaTypeChecks.ts proves each array lists every member of its union.
import type {
  AuditAction,
  CategoryCode,
  DispositionCode,
  EvaluationType,
  LegacyTypeCode,
  RecusalSource,
  RoundChangeKind,
  RoundStatus,
  ScoresheetStatus,
  TemplateSource,
} from '../domain/types';
import { CATEGORIES, DISPOSITIONS, LEGACY_TYPES } from '../domain/taxonomy';
import type { RegistrySelection, RegistryStatus } from '../registry/types';

// The domain already lists these; reuse rather than repeat them.
export { AGGREGATION_METHODS } from '../domain/aggregation';
export { GRADE_ORDER as GRADE_CODES } from '../domain/grading';
export { BASE_TYPE_CODES, CITIES as CITY_NAMES } from '../domain/taxonomy';

export const LEGACY_TYPE_CODES: readonly LegacyTypeCode[] = LEGACY_TYPES.map((t) => t.code);
export const DISPOSITION_CODES: readonly DispositionCode[] = DISPOSITIONS.map((d) => d.code);
export const CATEGORY_CODES: readonly CategoryCode[] = CATEGORIES.map((c) => c.code);

/** The registry bundle's vocabulary (shared/registry/types.ts). */
export const REGISTRY_STATUSES = [
  'active',
  'rectifying',
  'revoked',
  'merged',
] as const satisfies readonly RegistryStatus[];
export const REGISTRY_PURPOSES = [
  'periodic',
  'followUp',
] as const satisfies readonly RegistrySelection['purpose'][];

export const EVALUATION_TYPES = [
  'integration',
  'periodic',
] as const satisfies readonly EvaluationType[];
export const ROUND_STATUSES = [
  'setup',
  'issued',
  'closed',
] as const satisfies readonly RoundStatus[];
export const TEMPLATE_SOURCES = ['published', 'draft'] as const satisfies readonly TemplateSource[];
export const RECUSAL_SOURCES = [
  'institution',
  'declared',
  'secretariat',
] as const satisfies readonly RecusalSource[];
export const SCORESHEET_STATUSES = [
  'draft',
  'submitted',
] as const satisfies readonly ScoresheetStatus[];
export const AUDIT_ACTIONS = [
  'scoresheet.create',
  'scoresheet.update',
  'scoresheet.submit',
  'scoresheet.reopen',
  'scoresheet.recuse',
  'scoresheet.import',
  'scoresheet.resolveConflict',
  'decision.record',
  'round.create',
  'round.delete',
  'round.update',
  'template.save',
  'template.assign',
  'panel.create',
  'panel.update',
  'panel.delete',
  'expert.create',
  'expert.update',
  'expert.delete',
  'expert.import',
  'expert.pinReset',
  'assignment.update',
  'conflict.declare',
  'round.issue',
  'roster.import',
  'roster.clear',
  'base.delete',
  'demo.load',
  'change.record',
  'change.undo',
  'round.close',
  'round.reopen',
  'scoresheet.continue',
  'registry.accept',
  'registry.approve',
  'registry.export',
  'registry.funding',
] as const satisfies readonly AuditAction[];
export const ROUND_CHANGE_KINDS = [
  'replaceExpert',
  'withdrawBase',
  'moveBase',
  'declareConflict',
  'waiveMissing',
] as const satisfies readonly RoundChangeKind[];
