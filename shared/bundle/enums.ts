// The domain's enumerations as arrays for the zod schemas. `satisfies` keeps each member
// valid and schemaTypeChecks.ts proves each array lists every member of its union.
import type {
  AuditAction,
  DispositionCode,
  EvaluationType,
  LegacyTypeCode,
  RecusalSource,
  RoundChangeKind,
  RoundStatus,
  ScoresheetStatus,
  TemplateSource,
} from '../domain/types';
import { DISPOSITIONS, LEGACY_TYPES } from '../domain/taxonomy';

// The domain already lists these; reuse rather than repeat them.
export { AGGREGATION_METHODS } from '../domain/aggregation';
export { GRADE_ORDER as GRADE_CODES } from '../domain/grading';
export { BASE_TYPE_CODES, CITIES as CITY_NAMES } from '../domain/taxonomy';

export const LEGACY_TYPE_CODES: readonly LegacyTypeCode[] = LEGACY_TYPES.map((t) => t.code);
export const DISPOSITION_CODES: readonly DispositionCode[] = DISPOSITIONS.map((d) => d.code);

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
] as const satisfies readonly AuditAction[];
export const ROUND_CHANGE_KINDS = [
  'replaceExpert',
  'withdrawBase',
  'moveBase',
  'declareConflict',
  'waiveMissing',
] as const satisfies readonly RoundChangeKind[];
