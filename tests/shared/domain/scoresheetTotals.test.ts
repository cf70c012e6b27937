import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SCORE_STEP,
  checkScoreValue,
  completeness,
  isCountedInStatistics,
  primaryTotals,
  setRecommendation,
  setScore,
  sheetTotal,
  submitScoresheet,
} from '../../../shared/domain/scoresheet';
import {
  BUILTIN_TEMPLATES,
  builtinTemplateForType,
  secondaryIndicators,
} from '../../../shared/domain/templates';
import type { Scoresheet } from '../../../shared/domain/types';
import {
  draftSheet,
  readyToSubmit,
  scoreEverything,
  stampAt,
  unwrap,
} from '../../helpers/scoresheetBuilders';

const A1 = builtinTemplateForType('A1');

describe('checkScoreValue', () => {
  it('moves in half points', () => {
    expect(SCORE_STEP).toBe(0.5);
  });

  it('accepts 0, the maximum and every half point between', () => {
    for (const value of [0, 0.5, 7, 9.5, 10])
      expect(checkScoreValue(value, 10)).toEqual({ ok: true });
  });

  it('names the maximum in its refusals', () => {
    expect(checkScoreValue(10.5, 10)).toEqual({
      ok: false,
      code: 'aboveMax',
      message: '分值须在 0 到 10 之间',
    });
    expect(checkScoreValue(-0.5, 7)).toEqual({
      ok: false,
      code: 'negative',
      message: '分值不能为负数，分值须在 0 到 7 之间',
    });
    expect(checkScoreValue(3.2, 7.5)).toEqual({
      ok: false,
      code: 'notOnStep',
      message: '分值须为 0.5 的整数倍，分值须在 0 到 7.5 之间',
    });
    expect(checkScoreValue(Number.POSITIVE_INFINITY, 10).ok).toBe(false);
    expect(checkScoreValue('8' as unknown as number, 10)).toMatchObject({
      ok: false,
      code: 'notANumber',
    });
  });

  it('accepts exactly the half points from 0 to the maximum (law)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.double({ min: -50, max: 150, noNaN: true }),
        (maxHalves, value) => {
          const max = maxHalves / 2;
          const expected = value >= 0 && value <= max && Number.isInteger(value * 2);
          expect(checkScoreValue(value, max).ok).toBe(expected);
        },
      ),
    );
  });
});

describe('totals', () => {
  it('sums a sheet by primary and in total', () => {
    let sheet = draftSheet(A1);
    sheet = unwrap(setScore(sheet, A1, 'A1.1.1', 8, stampAt(1)));
    sheet = unwrap(setScore(sheet, A1, 'A1.1.3', 22.5, stampAt(2)));
    sheet = unwrap(setScore(sheet, A1, 'A1.3.2', 5.5, stampAt(3)));
    expect(primaryTotals(sheet, A1)).toEqual({ 'A1.1': 30.5, 'A1.2': 0, 'A1.3': 5.5 });
    expect(sheetTotal(sheet, A1)).toBe(36);
  });

  it('gives 100 for full marks on every built-in template', () => {
    for (const template of BUILTIN_TEMPLATES) {
      expect(
        sheetTotal(scoreEverything(draftSheet(template), template), template),
        template.id,
      ).toBe(100);
    }
  });

  it('adds half points exactly, with no floating-point residue', () => {
    const sheet = scoreEverything(draftSheet(A1), A1, (max) => max - 0.5);
    expect(sheetTotal(sheet, A1)).toBe(95.5);
  });

  it('ignores scores for indicators not in the template and corrupt values', () => {
    const sheet: Scoresheet = {
      ...draftSheet(A1),
      scores: { 'A1.1.1': 8, 'X.1': 50, 'A1.1.2': 99, 'A1.1.3': 0.3 },
    };
    expect(sheetTotal(sheet, A1)).toBe(8);
    expect(completeness(sheet, A1).missingIndicatorIds).toContain('A1.1.2');
  });

  it('keeps the total within 0–100 and revision equal to the edits that changed something, for any edit sequence (law)', () => {
    const secondaries = secondaryIndicators(A1);
    const edit = fc.record({
      index: fc.integer({ min: 0, max: secondaries.length }),
      value: fc.oneof(
        fc.constant(null),
        fc.integer({ min: -4, max: 60 }).map((halves) => halves / 2),
        fc.double({ min: -10, max: 40, noNaN: true }),
      ),
    });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 40 }), (edits) => {
        let sheet = draftSheet(A1);
        let changes = 0;
        edits.forEach(({ index, value }, i) => {
          const id = secondaries[index]?.id ?? 'A1.not-there';
          const before = structuredClone(sheet);
          const result = setScore(sheet, A1, id, value, stampAt(i + 1));
          expect(sheet).toEqual(before);
          if (result.ok) {
            if (result.changed) changes += 1;
            else expect(result.sheet).toBe(sheet);
            sheet = result.sheet;
          }
        });
        const total = sheetTotal(sheet, A1);
        expect(total).toBeGreaterThanOrEqual(0);
        expect(total).toBeLessThanOrEqual(100);
        expect(Object.values(primaryTotals(sheet, A1)).reduce((a, b) => a + b, 0)).toBe(total);
        expect(sheet.revision).toBe(changes);
        for (const [id, score] of Object.entries(sheet.scores)) {
          const max = secondaries.find((s) => s.id === id)?.maxPoints ?? -1;
          expect(checkScoreValue(score, max)).toEqual({ ok: true });
        }
      }),
    );
  });
});

describe('completeness', () => {
  it('lists the unscored indicators in template order and requires a recommendation', () => {
    const sheet = unwrap(setScore(draftSheet(A1), A1, 'A1.1.2', 10, stampAt(1)));
    expect(completeness(sheet, A1)).toEqual({
      scored: 1,
      total: 9,
      missingIndicatorIds: [
        'A1.1.1',
        'A1.1.3',
        'A1.2.1',
        'A1.2.2',
        'A1.2.3',
        'A1.3.1',
        'A1.3.2',
        'A1.3.3',
      ],
      missingRecommendation: true,
      missingReason: false,
      recommendationProblems: [],
      isComplete: false,
    });
  });

  it('is complete once every indicator is scored and a recommendation is given', () => {
    const scored = scoreEverything(draftSheet(A1), A1);
    expect(completeness(scored, A1)).toMatchObject({
      scored: 9,
      missingRecommendation: true,
      isComplete: false,
    });
    expect(completeness(readyToSubmit(A1), A1).isComplete).toBe(true);
  });

  it('needs a reason when the recommendation requires one (限期整改)', () => {
    const rectify = { disposition: { code: 'rectify' as const }, reason: '' };
    const sheet = unwrap(setRecommendation(readyToSubmit(A1), rectify, stampAt(1)));
    expect(completeness(sheet, A1)).toMatchObject({ missingReason: true, isComplete: false });
    const withReason = unwrap(
      setRecommendation(sheet, { ...rectify, reason: '经费投入不足，限期一年整改' }, stampAt(2)),
    );
    expect(completeness(withReason, A1)).toMatchObject({ missingReason: false, isComplete: true });
  });

  it('refuses a recommendation to merge the base into itself', () => {
    const self = {
      disposition: { code: 'merge' as const, targetBaseId: 'base-1' },
      reason: '重复',
    };
    const sheet = unwrap(setRecommendation(readyToSubmit(A1), self, stampAt(1)));
    expect(completeness(sheet, A1).recommendationProblems.map((p) => p.code)).toEqual([
      'mergeTargetSelf',
    ]);
  });

  it('refuses 转 to the base’s own type when the caller gives the type', () => {
    const convert = {
      disposition: { code: 'convert' as const, targetType: 'A1' as const },
      reason: '调整',
    };
    const sheet = unwrap(setRecommendation(readyToSubmit(A1), convert, stampAt(1)));
    expect(completeness(sheet, A1).isComplete).toBe(true);
    expect(completeness(sheet, A1, { baseType: 'A1' }).isComplete).toBe(false);
  });
});

describe('isCountedInStatistics', () => {
  it('counts only submitted sheets that are not recused', () => {
    const draft = readyToSubmit(A1);
    const submitted = unwrap(submitScoresheet(draft, A1, stampAt(1)));
    expect(isCountedInStatistics(draft)).toBe(false);
    expect(isCountedInStatistics(submitted)).toBe(true);
    const recusal = { reason: '同单位', source: 'institution' as const, at: stampAt(2).now };
    expect(isCountedInStatistics({ ...submitted, recusal })).toBe(false);
  });
});
