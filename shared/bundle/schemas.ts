// zod schemas for every domain record a bundle carries (shared/domain/types.ts). Strict:
// unknown keys are refused, strings have length bounds, numbers are finite (zod 4's
// z.number() refuses NaN and ±Infinity), ids are non-empty and at most 128 characters and
// never __proto__/constructor/prototype, timestamps are ISO 8601 instants. Validation
// only: no defaults and no transforms, so what validates is exactly what was written.
// schemaTypeChecks.ts proves at compile time that each schema and its type agree.
import { z } from 'zod';
import { isHlc } from '../domain/hlc';
import { ROUND_YEAR_MAX, ROUND_YEAR_MIN } from '../domain/round';
import {
  AGGREGATION_METHODS,
  AUDIT_ACTIONS,
  BASE_TYPE_CODES,
  CATEGORY_CODES,
  CITY_NAMES,
  DISPOSITION_CODES,
  EVALUATION_TYPES,
  GRADE_CODES,
  LEGACY_TYPE_CODES,
  RECUSAL_SOURCES,
  REGISTRY_PURPOSES,
  REGISTRY_STATUSES,
  ROUND_CHANGE_KINDS,
  ROUND_STATUSES,
  SCORESHEET_STATUSES,
  TEMPLATE_SOURCES,
} from './enums';
import { BUNDLE_KINDS } from './format';

export const ID_MAX = 128;
export const NAME_MAX = 200;
export const TEXT_MAX = 20_000;
export const SCORE_MAX = 1000;

/** Not one of the names JavaScript objects treat specially. Written as a regex so the JSON Schema carries it. */
const SAFE_KEY = /^(?!(?:__proto__|constructor|prototype)$)/;

export const idSchema = z.string().min(1).max(ID_MAX).regex(SAFE_KEY, 'reserved name');
export const nameSchema = z.string().max(NAME_MAX);
export const textSchema = z.string().max(TEXT_MAX);
export const timestampSchema = z.iso.datetime({ offset: true });
const count = z.int().min(0);

/** `<ms, 15 digits>-<counter, 5 digits>-<deviceId>` (shared/domain/hlc.ts). */
export const hlcSchema = z
  .string()
  .max(15 + 1 + 5 + 1 + ID_MAX)
  .regex(/^\d{15}-\d{5}-[^\n\r]+$/, 'not a hybrid logical clock timestamp')
  .refine(isHlc, 'not a hybrid logical clock timestamp');

export const baseTypeSchema = z.enum(BASE_TYPE_CODES);
export const bundleKindSchema = z.enum(BUNDLE_KINDS);

// ---- dispositions -------------------------------------------------------------------

export const dispositionSchema = z.discriminatedUnion('code', [
  z.strictObject({ code: z.literal('include'), targetType: baseTypeSchema }),
  z.strictObject({ code: z.literal('keepAdjust') }),
  z.strictObject({ code: z.literal('rectify') }),
  z.strictObject({ code: z.literal('merge'), targetBaseId: idSchema }),
  z.strictObject({ code: z.literal('convert'), targetType: baseTypeSchema }),
  z.strictObject({ code: z.literal('revoke') }),
]);

export const dispositionDecisionSchema = z.strictObject({
  disposition: dispositionSchema,
  reason: textSchema,
});

// ---- indicator templates ------------------------------------------------------------

const pointsSchema = z.number().min(0).max(SCORE_MAX);

export const secondaryIndicatorSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  maxPoints: pointsSchema,
});

export const primaryIndicatorSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  maxPoints: pointsSchema,
  children: z.array(secondaryIndicatorSchema).max(100),
});

export const indicatorTemplateSchema = z.strictObject({
  id: idSchema,
  version: count,
  baseType: baseTypeSchema,
  name: nameSchema,
  source: z.enum(TEMPLATE_SOURCES),
  note: textSchema,
  primaries: z.array(primaryIndicatorSchema).max(50),
  derivedFrom: idSchema.optional(),
  frozenAt: timestampSchema.optional(),
});

// ---- rounds, bases, people ----------------------------------------------------------

const shareSchema = z.number().min(0).max(1).nullable();
const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'lower-case hex SHA-256');

export const roundSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  year: z.int().min(ROUND_YEAR_MIN).max(ROUND_YEAR_MAX),
  evaluationType: z.enum(EVALUATION_TYPES),
  gradeBands: z
    .array(z.strictObject({ grade: z.enum(GRADE_CODES), minScore: z.number() }))
    .max(GRADE_CODES.length),
  quotas: z.strictObject({ excellentMaxShare: shareSchema, rectifyOrFailMinShare: shareSchema }),
  aggregation: z.strictObject({
    method: z.enum(AGGREGATION_METHODS),
    trimCount: z.int().min(0).max(100),
    trimMinSheets: z.int().min(0).max(1000),
  }),
  agreement: z.strictObject({ disagreementRange: z.number().min(0).max(SCORE_MAX) }),
  templateByType: z.partialRecord(baseTypeSchema, idSchema),
  status: z.enum(ROUND_STATUSES),
  createdAt: timestampSchema,
  isDemo: z.boolean().optional(),
  archive: z
    .strictObject({
      importedAt: timestampSchema,
      fingerprint: z.string().max(64),
      fileName: z.string().min(1).max(255),
      bundleCreatedAt: timestampSchema,
    })
    .optional(),
  closure: z
    .strictObject({
      version: z.int().min(1).max(10_000),
      closedAt: timestampSchema,
      closedBy: nameSchema,
      reportSha256: sha256Schema.optional(),
      resultSha256: sha256Schema.optional(),
      reopenedAt: timestampSchema.optional(),
      reopenedBy: nameSchema.optional(),
      reopenReason: textSchema.optional(),
    })
    .optional(),
});

export const baseSchema = z.strictObject({
  id: idSchema,
  roundId: idSchema,
  code: idSchema,
  name: nameSchema,
  type: baseTypeSchema,
  legacyType: z.enum(LEGACY_TYPE_CODES).optional(),
  hostInstitution: nameSchema,
  city: z.enum(CITY_NAMES),
  director: nameSchema,
  yearEstablished: z.int().min(1800).max(2200),
  field: nameSchema,
  keyFigures: z
    .record(idSchema, z.union([z.number(), z.string().max(2000)]))
    .refine((figures) => Object.keys(figures).length <= 200, 'at most 200 key figures')
    .optional(),
  panelId: idSchema.optional(),
});

export const panelSchema = z.strictObject({
  id: idSchema,
  roundId: idSchema,
  name: nameSchema,
  chairExpertId: idSchema.optional(),
});

export const expertSchema = z.strictObject({
  id: idSchema,
  roundId: idSchema,
  panelId: idSchema,
  name: nameSchema,
  institution: nameSchema,
  title: nameSchema,
  field: nameSchema,
  phone: z.string().max(64).optional(),
});

export const recusalSchema = z.strictObject({
  reason: textSchema,
  source: z.enum(RECUSAL_SOURCES),
  at: timestampSchema,
});

export const assignmentSchema = z.strictObject({
  id: idSchema,
  roundId: idSchema,
  panelId: idSchema,
  expertId: idSchema,
  baseId: idSchema,
  recusal: recusalSchema.optional(),
});

// ---- scoresheets and decisions ------------------------------------------------------

const INDICATORS_MAX = 1000;

export const scoresheetSchema = z.strictObject({
  id: idSchema,
  roundId: idSchema,
  baseId: idSchema,
  expertId: idSchema,
  templateId: idSchema,
  templateVersion: count,
  scores: z
    .record(idSchema, pointsSchema)
    .refine((s) => Object.keys(s).length <= INDICATORS_MAX, 'too many scores'),
  comments: z
    .record(idSchema, textSchema)
    .refine((c) => Object.keys(c).length <= INDICATORS_MAX, 'too many comments'),
  overallComment: textSchema,
  recommendation: dispositionDecisionSchema.optional(),
  recusal: recusalSchema.optional(),
  status: z.enum(SCORESHEET_STATUSES),
  submittedAt: timestampSchema.optional(),
  revision: count,
  hlc: hlcSchema,
  deviceId: idSchema,
  updatedAt: timestampSchema,
  // Version vector (device id → edits made there) and the vectors of other sheet ids a
  // conflict resolution folded in: how merge tells "descends from" from "concurrent".
  versions: z
    .record(idSchema, count)
    .refine((v) => Object.keys(v).length <= 256, 'too many devices')
    .optional(),
  absorbedVersions: z
    .record(
      idSchema,
      z.record(idSchema, count).refine((v) => Object.keys(v).length <= 256, 'too many devices'),
    )
    .refine((v) => Object.keys(v).length <= 256, 'too many sheets')
    .optional(),
});

export const finalDecisionSchema = z.strictObject({
  disposition: dispositionSchema,
  reason: textSchema,
  id: idSchema,
  roundId: idSchema,
  baseId: idSchema,
  decidedAt: timestampSchema,
  decidedBy: nameSchema,
  basis: z
    .strictObject({
      aggregate: pointsSchema.nullable(),
      method: z.enum(AGGREGATION_METHODS),
      grade: z.enum(GRADE_CODES).nullable(),
      sheets: count,
      recordedAt: timestampSchema,
    })
    .optional(),
});

// ---- changes during a round and result provenance ------------------------------------

const PAIRS_MAX = 100_000;

export const roundChangeSchema = z.strictObject({
  id: idSchema,
  roundId: idSchema,
  kind: z.enum(ROUND_CHANGE_KINDS),
  at: timestampSchema,
  actor: nameSchema,
  reason: textSchema.min(1),
  expertId: idSchema.optional(),
  replacementExpertId: idSchema.optional(),
  baseId: idSchema.optional(),
  fromPanelId: idSchema.optional(),
  toPanelId: idSchema.optional(),
  voids: z.array(z.strictObject({ expertId: idSchema, baseId: idSchema })).max(PAIRS_MAX),
  before: z.array(assignmentSchema).max(PAIRS_MAX).optional(),
  after: z.array(assignmentSchema).max(PAIRS_MAX).optional(),
  undone: z
    .strictObject({ at: timestampSchema, actor: nameSchema, reason: textSchema.min(1) })
    .optional(),
});

export const resultProvenanceSchema = z.strictObject({
  keysVerified: z.boolean(),
  panelKeys: z
    .array(
      z.strictObject({
        panelId: idSchema,
        deviceId: idSchema,
        fingerprint: z.string().min(1).max(64),
      }),
    )
    .max(10_000),
});

// ---- merge, import and audit records ------------------------------------------------

export const conflictRecordSchema = z.strictObject({
  id: idSchema,
  roundId: idSchema,
  scoresheetId: idSchema,
  local: scoresheetSchema,
  incoming: scoresheetSchema,
  detectedAt: timestampSchema,
  sourceImportId: idSchema,
  resolvedAt: timestampSchema.optional(),
  resolution: z.enum(['local', 'incoming', 'manual']).optional(),
});

export const bundleImportRecordSchema = z.strictObject({
  id: idSchema,
  roundId: idSchema,
  kind: bundleKindSchema,
  fileName: z.string().min(1).max(255),
  deviceId: idSchema,
  fingerprint: z.string().max(64),
  importedAt: timestampSchema,
  counts: z.strictObject({
    added: count,
    updated: count,
    unchanged: count,
    conflicts: count,
    refused: count,
  }),
});

export const auditEntrySchema = z.strictObject({
  seq: count.optional(),
  at: timestampSchema,
  roundId: idSchema,
  action: z.enum(AUDIT_ACTIONS),
  entityId: idSchema,
  actor: nameSchema,
  detail: textSchema.optional(),
});

/** One row of the settings table in a backup; the app checks keys and values on restore. */
export const backupSettingSchema = z.strictObject({
  key: idSchema,
  value: z.union([z.string().max(TEXT_MAX), z.number(), z.boolean(), z.null()]),
});

// ---- the registry bundle (department → secretariat, format version 3) -----------------

const REGISTRY_BASES_MAX = 100_000;
const HISTORY_MAX = 1000;

const yearSchema = z.int().min(ROUND_YEAR_MIN).max(ROUND_YEAR_MAX);
const establishedSchema = z.int().min(1800).max(2200);
/** A calendar date, YYYY-MM-DD (a rectification deadline). */
export const isoDateSchema = z.iso.date();

/** One round's line in a base's history, under that round's own rule. */
export const registryHistoryEntrySchema = z.strictObject({
  roundId: idSchema,
  roundName: nameSchema,
  year: yearSchema,
  version: z.int().min(1).max(10_000),
  aggregate: pointsSchema.nullable(),
  method: z.enum(AGGREGATION_METHODS),
  grade: z.enum(GRADE_CODES).nullable(),
  disposition: z.enum(DISPOSITION_CODES).optional(),
  targetType: baseTypeSchema.optional(),
  mergedInto: idSchema.optional(),
});

/** A base's identity and description in the registry (RegistryBaseInfo). */
const registryBaseInfoShape = {
  code: idSchema,
  name: nameSchema,
  type: baseTypeSchema,
  legacyType: z.enum(LEGACY_TYPE_CODES).optional(),
  hostInstitution: nameSchema,
  city: z.enum(CITY_NAMES),
  director: nameSchema,
  yearEstablished: establishedSchema,
  field: nameSchema,
};

/** A base as the department's registry shows it, with its history. */
export const registryBaseSchema = z.strictObject({
  ...registryBaseInfoShape,
  category: z.enum(CATEGORY_CODES),
  status: z.enum(REGISTRY_STATUSES),
  rectifyUntil: isoDateSchema.optional(),
  mergedInto: idSchema.optional(),
  previousType: z.union([baseTypeSchema, z.enum(LEGACY_TYPE_CODES)]).optional(),
  enteredYear: establishedSchema,
  history: z.array(registryHistoryEntrySchema).max(HISTORY_MAX),
});

/** How the department chose the bases (RegistrySelection). */
export const registrySelectionSchema = z.strictObject({
  purpose: z.enum(REGISTRY_PURPOSES),
  categories: z.array(z.enum(CATEGORY_CODES)).max(CATEGORY_CODES.length).optional(),
  types: z.array(baseTypeSchema).max(BASE_TYPE_CODES.length).optional(),
  cities: z.array(z.enum(CITY_NAMES)).max(CITY_NAMES.length).optional(),
  yearFrom: establishedSchema.optional(),
  yearTo: establishedSchema.optional(),
  rectifyDueBy: isoDateSchema.optional(),
});

/** registry.json: the bases chosen for the next round, for the year it is for. */
export const registrySchema = z.strictObject({
  year: yearSchema,
  title: nameSchema.min(1),
  selection: registrySelectionSchema,
  bases: z.array(registryBaseSchema).max(REGISTRY_BASES_MAX),
});

// ---- the department's registry tables in a backup (format version 4) --------------------

/** One base's outcome in an accepted round (AcceptedBaseOutcome). */
export const acceptedBaseOutcomeSchema = z.strictObject({
  ...registryBaseInfoShape,
  baseId: idSchema,
  aggregate: pointsSchema.nullable(),
  method: z.enum(AGGREGATION_METHODS),
  grade: z.enum(GRADE_CODES).nullable(),
  sheets: count,
  disposition: z.enum(DISPOSITION_CODES).optional(),
  targetType: baseTypeSchema.optional(),
  mergedInto: idSchema.optional(),
  withdrawn: z.boolean().optional(),
});

/** A closed round as the registry keeps it (AcceptedRound; table registryRounds). */
export const acceptedRoundSchema = z.strictObject({
  roundId: idSchema,
  name: nameSchema,
  year: yearSchema,
  evaluationType: z.enum(EVALUATION_TYPES),
  version: z.int().min(1).max(10_000),
  closedAt: timestampSchema,
  closedBy: nameSchema,
  bundleSha256: sha256Schema,
  signerFingerprint: z.string().min(1).max(64),
  acceptedAt: timestampSchema,
  acceptedBy: nameSchema,
  bases: z.array(acceptedBaseOutcomeSchema).max(REGISTRY_BASES_MAX),
});

/** A new approval (批建) (RegistryApproval; table registryApprovals). */
export const registryApprovalSchema = z.strictObject({
  ...registryBaseInfoShape,
  year: establishedSchema,
  importedAt: timestampSchema,
  sourceSha256: sha256Schema,
});

/** A history line a registry bundle brought to a secretariat's laptop (table registryHistory). */
export const registryHistoryRowSchema = z.strictObject({
  ...registryHistoryEntrySchema.shape,
  // `${code}:${roundId}`: two ids and a colon.
  id: z
    .string()
    .min(1)
    .max(2 * ID_MAX + 1)
    .regex(SAFE_KEY, 'reserved name'),
  code: idSchema,
  name: nameSchema,
  sourceSha256: sha256Schema,
});
