// The domain's enumerations as arrays for the zod schemas. `satisfies` keeps each member
// valid and schemaTypeChecks.ts proves each array lists every member of its union.
import type {
  AuditAction,
  BaseTypeCode,
  CityName,
  DispositionCode,
  EvaluationType,
  LegacyTypeCode,
  RecusalSource,
  RoundStatus,
  ScoresheetStatus,
  TemplateSource,
} from '../domain/types';

// The domain already lists these two; reuse rather than repeat them.
export { AGGREGATION_METHODS } from '../domain/aggregation';
export { GRADE_ORDER as GRADE_CODES } from '../domain/grading';

export const BASE_TYPE_CODES = [
  'A1',
  'B1',
  'B2',
  'B3',
  'B4',
  'B5',
  'C1',
  'C2',
  'C3',
] as const satisfies readonly BaseTypeCode[];
export const LEGACY_TYPE_CODES = [
  'keyLaboratory',
  'engineeringResearchCenter',
  'engineeringLaboratory',
  'industrialGenericPlatform',
  'engineeringTechnologyCenter',
  'industrialSpecializedPlatform',
  'clinicalResearchCenter',
  'resourceSharingPlatform',
  'comprehensiveServicePlatform',
  'industrialServicePlatform',
] as const satisfies readonly LegacyTypeCode[];
export const CITY_NAMES = [
  '沈阳',
  '大连',
  '鞍山',
  '抚顺',
  '本溪',
  '丹东',
  '锦州',
  '营口',
  '阜新',
  '辽阳',
  '盘锦',
  '铁岭',
  '朝阳',
  '葫芦岛',
  '沈抚新区',
] as const satisfies readonly CityName[];
export const DISPOSITION_CODES = [
  'include',
  'keepAdjust',
  'rectify',
  'merge',
  'convert',
  'revoke',
] as const satisfies readonly DispositionCode[];
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
  'demo.load',
] as const satisfies readonly AuditAction[];
