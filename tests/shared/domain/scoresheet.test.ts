import { describe, expect, it } from 'vitest';
import {
  createScoresheet,
  declareRecusal,
  reopenScoresheet,
  setComment,
  setOverallComment,
  setRecommendation,
  setScore,
  submitScoresheet,
} from '../../../shared/domain/scoresheet';
import { builtinTemplateForType, nextTemplateVersion } from '../../../shared/domain/templates';
import type { Scoresheet } from '../../../shared/domain/types';
import {
  INCLUDE_AS_A1,
  draftSheet,
  readyToSubmit,
  sheetDeps,
  stampAt,
  unwrap,
} from '../../helpers/scoresheetBuilders';

const A1 = builtinTemplateForType('A1');

/** A deep snapshot, to prove an input was not mutated. */
const snapshot = (sheet: Scoresheet): Scoresheet => structuredClone(sheet);

const errorCode = (result: ReturnType<typeof setScore>): string | undefined =>
  result.ok ? undefined : result.error.code;

function submitted(): Scoresheet {
  return unwrap(submitScoresheet(readyToSubmit(A1), A1, stampAt(200)));
}

function recused(): Scoresheet {
  return unwrap(declareRecusal(draftSheet(A1), '曾指导该实验室主任的研究生学习', stampAt(1)));
}

describe('createScoresheet', () => {
  it('creates an empty draft at revision 0 for the template’s version', () => {
    const sheet = createScoresheet(
      { roundId: 'round-1', baseId: 'base-7', expertId: 'expert-3', template: A1 },
      sheetDeps('laptop-9'),
    );
    expect(sheet).toEqual({
      id: 'sheet-1',
      roundId: 'round-1',
      baseId: 'base-7',
      expertId: 'expert-3',
      templateId: 'builtin-A1',
      templateVersion: 1,
      scores: {},
      comments: {},
      overallComment: '',
      status: 'draft',
      revision: 0,
      hlc: '001715331600000-00000-laptop-9',
      deviceId: 'laptop-9',
      updatedAt: '2024-05-10T09:00:00.000Z',
    });
  });

  it('creates a locked sheet for a recused assignment', () => {
    const recusal = {
      reason: '本单位基地',
      source: 'institution' as const,
      at: '2024-05-01T00:00:00.000Z',
    };
    const sheet = createScoresheet(
      { roundId: 'r', baseId: 'b', expertId: 'e', template: A1, recusal },
      sheetDeps(),
    );
    expect(sheet.recusal).toEqual(recusal);
    expect(errorCode(setScore(sheet, A1, 'A1.1.1', 5, stampAt(1)))).toBe('sheetRecused');
  });
});

describe('setScore', () => {
  it('records a score and stamps the edit', () => {
    const sheet = draftSheet(A1);
    const result = setScore(sheet, A1, 'A1.1.3', 22.5, stampAt(5, 'laptop-2'));
    expect(result.ok && result.changed).toBe(true);
    const edited = unwrap(result);
    expect(edited.scores).toEqual({ 'A1.1.3': 22.5 });
    expect(edited.revision).toBe(1);
    expect(edited.deviceId).toBe('laptop-2');
    expect(edited.hlc).toBe(stampAt(5, 'laptop-2').hlc);
    expect(edited.updatedAt).toBe('2024-05-10T09:00:05.000Z');
  });

  it('refuses 10.5 on a 10-point indicator and leaves the sheet unchanged', () => {
    const sheet = unwrap(setScore(draftSheet(A1), A1, 'A1.1.1', 8, stampAt(1)));
    const before = snapshot(sheet);
    const result = setScore(sheet, A1, 'A1.1.1', 10.5, stampAt(2));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('aboveMax');
      expect(result.error.message).toBe('“总体定位与研究方向”：分值须在 0 到 10 之间');
    }
    expect(sheet).toEqual(before);
  });

  it('refuses negative, off-step and non-numeric scores without clamping', () => {
    const sheet = draftSheet(A1);
    expect(errorCode(setScore(sheet, A1, 'A1.1.1', -1, stampAt(1)))).toBe('negative');
    expect(errorCode(setScore(sheet, A1, 'A1.1.1', 7.3, stampAt(1)))).toBe('notOnStep');
    expect(errorCode(setScore(sheet, A1, 'A1.1.1', Number.NaN, stampAt(1)))).toBe('notANumber');
    expect(sheet.scores).toEqual({});
  });

  it('accepts the bounds 0 and the maximum', () => {
    const zero = unwrap(setScore(draftSheet(A1), A1, 'A1.3.2', 0, stampAt(1)));
    const full = unwrap(setScore(zero, A1, 'A1.3.1', 7, stampAt(2)));
    expect(full.scores).toEqual({ 'A1.3.2': 0, 'A1.3.1': 7 });
  });

  it('stores -0 as 0', () => {
    const sheet = unwrap(setScore(draftSheet(A1), A1, 'A1.1.1', -0, stampAt(1)));
    expect(Object.is(sheet.scores['A1.1.1'], 0)).toBe(true);
  });

  it('clears a score with null', () => {
    const sheet = unwrap(setScore(draftSheet(A1), A1, 'A1.1.1', 8, stampAt(1)));
    const cleared = unwrap(setScore(sheet, A1, 'A1.1.1', null, stampAt(2)));
    expect(cleared.scores).toEqual({});
    expect(cleared.revision).toBe(2);
    expect(sheet.scores).toEqual({ 'A1.1.1': 8 });
  });

  it('does not count re-entering the same score (or clearing an empty one) as an edit', () => {
    const sheet = unwrap(setScore(draftSheet(A1), A1, 'A1.1.1', 8, stampAt(1)));
    const same = setScore(sheet, A1, 'A1.1.1', 8, stampAt(2));
    expect(same).toEqual({ ok: true, sheet, changed: false });
    expect(setScore(sheet, A1, 'A1.1.2', null, stampAt(2))).toEqual({
      ok: true,
      sheet,
      changed: false,
    });
  });

  it('refuses unknown indicator ids and primaries', () => {
    const sheet = draftSheet(A1);
    expect(errorCode(setScore(sheet, A1, 'A1.9.9', 1, stampAt(1)))).toBe('unknownIndicator');
    expect(errorCode(setScore(sheet, A1, 'A1.1', 1, stampAt(1)))).toBe('unknownIndicator');
    expect(errorCode(setScore(sheet, A1, 'A1.9.9', null, stampAt(1)))).toBe('unknownIndicator');
  });

  it('refuses a template other than the sheet’s (or another version of it)', () => {
    const sheet = draftSheet(A1);
    expect(errorCode(setScore(sheet, builtinTemplateForType('B1'), 'B1.1.1', 1, stampAt(1)))).toBe(
      'templateMismatch',
    );
    expect(
      errorCode(
        setScore(sheet, nextTemplateVersion(A1, { newId: () => 'a1-v2' }), 'A1.1.1', 1, stampAt(1)),
      ),
    ).toBe('templateMismatch');
  });

  it('refuses edits to a submitted sheet until it is reopened', () => {
    const sheet = submitted();
    expect(errorCode(setScore(sheet, A1, 'A1.1.1', 1, stampAt(300)))).toBe('sheetSubmitted');
    const reopened = unwrap(reopenScoresheet(sheet, stampAt(301)));
    expect(unwrap(setScore(reopened, A1, 'A1.1.1', 1, stampAt(302))).scores['A1.1.1']).toBe(1);
  });

  it('a recused sheet cannot be scored', () => {
    const result = setScore(recused(), A1, 'A1.1.1', 5, stampAt(2));
    expect(errorCode(result)).toBe('sheetRecused');
    if (!result.ok) expect(result.error.message).toBe('已回避的评分表不能再修改');
  });
});

describe('comments and recommendation', () => {
  it('sets and clears comments on primaries and secondaries', () => {
    const one = unwrap(setComment(draftSheet(A1), A1, 'A1.1', '研究方向明确。', stampAt(1)));
    const two = unwrap(setComment(one, A1, 'A1.1.3', '代表性成果突出', stampAt(2)));
    expect(two.comments).toEqual({ 'A1.1': '研究方向明确。', 'A1.1.3': '代表性成果突出' });
    const cleared = unwrap(setComment(two, A1, 'A1.1', '  ', stampAt(3)));
    expect(cleared.comments).toEqual({ 'A1.1.3': '代表性成果突出' });
    expect(cleared.revision).toBe(3);
  });

  it('keeps a comment exactly as typed (trailing space while typing survives)', () => {
    const sheet = unwrap(setComment(draftSheet(A1), A1, 'A1.2', '队伍 ', stampAt(1)));
    expect(sheet.comments['A1.2']).toBe('队伍 ');
  });

  it('refuses comments on unknown indicators and on locked sheets', () => {
    expect(errorCode(setComment(draftSheet(A1), A1, 'B1.1', 'x', stampAt(1)))).toBe(
      'unknownIndicator',
    );
    expect(errorCode(setComment(submitted(), A1, 'A1.1', 'x', stampAt(1)))).toBe('sheetSubmitted');
    expect(errorCode(setComment(recused(), A1, 'A1.1', 'x', stampAt(1)))).toBe('sheetRecused');
  });

  it('sets the overall comment, ignoring a repeat', () => {
    const sheet = unwrap(setOverallComment(draftSheet(A1), '整体运行良好', stampAt(1)));
    expect(sheet.overallComment).toBe('整体运行良好');
    expect(setOverallComment(sheet, '整体运行良好', stampAt(2))).toEqual({
      ok: true,
      sheet,
      changed: false,
    });
    expect(errorCode(setOverallComment(recused(), 'x', stampAt(2)))).toBe('sheetRecused');
  });

  it('sets, replaces and clears the recommendation, accepting an unfinished one while drafting', () => {
    const unfinished = unwrap(
      setRecommendation(
        draftSheet(A1),
        { disposition: { code: 'merge', targetBaseId: '' }, reason: '' },
        stampAt(1),
      ),
    );
    expect(unfinished.recommendation?.disposition.code).toBe('merge');
    const include = unwrap(setRecommendation(unfinished, INCLUDE_AS_A1, stampAt(2)));
    expect(include.recommendation).toEqual(INCLUDE_AS_A1);
    expect(include.recommendation).not.toBe(INCLUDE_AS_A1);
    expect(setRecommendation(include, { ...INCLUDE_AS_A1 }, stampAt(3))).toMatchObject({
      changed: false,
    });
    const cleared = unwrap(setRecommendation(include, null, stampAt(4)));
    expect('recommendation' in cleared).toBe(false);
    expect(cleared.revision).toBe(3);
  });

  it('refuses an unknown disposition', () => {
    const bogus = {
      disposition: { code: 'promote' },
      reason: '',
    } as unknown as typeof INCLUDE_AS_A1;
    expect(errorCode(setRecommendation(draftSheet(A1), bogus, stampAt(1)))).toBe(
      'unknownDisposition',
    );
  });
});

describe('recusal', () => {
  it('locks the sheet for good, records who declared it and clears what was entered', () => {
    const scored = unwrap(setScore(draftSheet(A1), A1, 'A1.1.1', 8, stampAt(1)));
    const withAll = unwrap(
      setRecommendation(
        unwrap(setComment(scored, A1, 'A1.1', '好', stampAt(2))),
        INCLUDE_AS_A1,
        stampAt(3),
      ),
    );
    const sheet = unwrap(declareRecusal(withAll, '  前学生任实验室主任 ', stampAt(4)));
    expect(sheet.recusal).toEqual({
      reason: '前学生任实验室主任',
      source: 'declared',
      at: stampAt(4).now,
    });
    expect(sheet.scores).toEqual({});
    expect(sheet.comments).toEqual({});
    expect('recommendation' in sheet).toBe(false);
    expect(sheet.revision).toBe(4);
    expect(errorCode(declareRecusal(sheet, '再次', stampAt(5)))).toBe('sheetRecused');
    expect(errorCode(reopenScoresheet(sheet, stampAt(5)))).toBe('sheetRecused');
    expect(errorCode(submitScoresheet(sheet, A1, stampAt(5)))).toBe('sheetRecused');
  });

  it('requires a reason', () => {
    expect(errorCode(declareRecusal(draftSheet(A1), ' \u3000', stampAt(1)))).toBe('reasonRequired');
  });

  it('records the secretariat as the source when it marks the recusal', () => {
    const sheet = unwrap(declareRecusal(draftSheet(A1), '同单位', stampAt(1), 'secretariat'));
    expect(sheet.recusal?.source).toBe('secretariat');
  });

  it('must be declared on a draft: a submitted sheet is reopened first', () => {
    expect(errorCode(declareRecusal(submitted(), '利益冲突', stampAt(300)))).toBe('sheetSubmitted');
  });
});

describe('submit and reopen', () => {
  it('submits a complete sheet and locks it', () => {
    const sheet = submitted();
    expect(sheet.status).toBe('submitted');
    expect(sheet.submittedAt).toBe(stampAt(200).now);
    expect(errorCode(submitScoresheet(sheet, A1, stampAt(201)))).toBe('sheetSubmitted');
  });

  it('refuses an incomplete sheet and says what is missing', () => {
    const partial = unwrap(setScore(draftSheet(A1), A1, 'A1.1.1', 8, stampAt(1)));
    const result = submitScoresheet(partial, A1, stampAt(2));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('incomplete');
      expect(result.error.message).toBe(
        '评分表未完成，不能提交：尚有 8 项指标未打分；请选择处理建议',
      );
    }
  });

  it('refuses a 撤销 recommendation without a reason', () => {
    const sheet = unwrap(
      setRecommendation(
        readyToSubmit(A1),
        { disposition: { code: 'revoke' }, reason: '' },
        stampAt(1),
      ),
    );
    const result = submitScoresheet(sheet, A1, stampAt(2));
    expect(result.ok ? undefined : result.error.message).toBe(
      '评分表未完成，不能提交：“撤销”须填写理由',
    );
  });

  it('checks a 合并 target against the round’s bases when the caller gives them', () => {
    const merge = {
      disposition: { code: 'merge' as const, targetBaseId: 'base-404' },
      reason: '方向重复',
    };
    const sheet = unwrap(setRecommendation(readyToSubmit(A1), merge, stampAt(1)));
    const context = { existingBaseIds: new Set(['base-1', 'base-2']) };
    expect(errorCode(submitScoresheet(sheet, A1, stampAt(2), context))).toBe('incomplete');
    expect(submitScoresheet(sheet, A1, stampAt(2)).ok).toBe(true);
  });

  it('reopens a submitted sheet as a draft and forgets the old submission time', () => {
    const reopened = unwrap(reopenScoresheet(submitted(), stampAt(300)));
    expect(reopened.status).toBe('draft');
    expect('submittedAt' in reopened).toBe(false);
    expect(reopened.revision).toBe(submitted().revision + 1);
    expect(reopened.scores).toEqual(submitted().scores);
  });

  it('refuses to reopen a draft', () => {
    expect(errorCode(reopenScoresheet(draftSheet(A1), stampAt(1)))).toBe('notSubmitted');
  });
});
