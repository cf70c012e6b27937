import { describe, expect, it } from 'vitest';
import * as domain from '../../../shared/domain';

describe('shared/domain index', () => {
  it('exposes the core API from one import under the agreed names', () => {
    const names = [
      'CATEGORIES',
      'BASE_TYPES',
      'LEGACY_TYPES',
      'CITIES',
      'DISPOSITIONS',
      'baseTypeByCode',
      'categoryOfType',
      'isBaseTypeCode',
      'legacyTypeByName',
      'resolveBaseType',
      'isCityName',
      'normaliseCityName',
      'validateDispositionDecision',
      'BUILTIN_TEMPLATES',
      'builtinTemplateForType',
      'secondaryIndicators',
      'templateMaxTotal',
      'validateTemplate',
      'isTemplateValid',
      'copyTemplate',
      'nextTemplateVersion',
      'SCORE_STEP',
      'checkScoreValue',
      'createScoresheet',
      'setScore',
      'setComment',
      'setOverallComment',
      'setRecommendation',
      'declareRecusal',
      'submitScoresheet',
      'reopenScoresheet',
      'primaryTotals',
      'sheetTotal',
      'completeness',
      'isCountedInStatistics',
      'DEFAULT_GRADE_BANDS',
      'DEFAULT_QUOTAS',
      'DEFAULT_AGGREGATION',
      'DEFAULT_AGREEMENT',
      'createRound',
      'validateRoundInput',
      'createHlc',
      'compareHlc',
    ];
    expect(names.filter((name) => !(name in domain))).toEqual([]);
  });

  it('exposes the statistics modules too', () => {
    for (const name of ['aggregateBase', 'baseAgreement', 'gradeFor', 'rankBases', 'kendallW']) {
      expect(name in domain, name).toBe(true);
    }
  });
});
