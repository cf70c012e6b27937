// Entering agreed values by hand: checked exactly like the scoresheet before anything is written.
import { describe, expect, it } from 'vitest';
import {
  canStartFrom,
  checkManualDraft,
  startManualDraft,
} from '../../../shared/secretariat/manualResolution';
import { TEST_TIME } from '../../helpers/builders';
import { sampleConflict, TEMPLATE } from '../../helpers/secretariatBuilders';

describe('manual resolution of a conflict', () => {
  it('starts from either copy, with its scores, comments and recommendation', () => {
    const { conflict } = sampleConflict();
    const draft = startManualDraft(conflict, 'incoming', TEMPLATE);
    expect(draft.scores).toEqual({ s1: 8, s2: 12.5, s3: 60 });
    expect(draft.comments).toEqual({ p1: '成果突出', s1: '', s2: '任务偏少', p2: '', s3: '' });
    expect(draft.recommendationFrom).toBe('incoming');
  });

  it('accepts edited values on the step and within range, keeping non-empty comments', () => {
    const { conflict } = sampleConflict();
    const draft = startManualDraft(conflict, 'local', TEMPLATE);
    const checked = checkManualDraft(
      conflict,
      { ...draft, scores: { ...draft.scores, s2: 14 }, overallComment: '组内商定' },
      TEMPLATE,
    );
    expect(checked).toEqual({
      ok: true,
      resolution: {
        scores: { s1: 8, s2: 14, s3: 60 },
        comments: { p1: '成果突出' },
        overallComment: '组内商定',
        recommendation: { disposition: { code: 'include', targetType: 'A1' }, reason: '' },
      },
    });
  });

  it('refuses scores above the maximum, negative or off the 0.5 step, naming the indicator', () => {
    const { conflict } = sampleConflict();
    const draft = startManualDraft(conflict, 'local', TEMPLATE);
    const checked = checkManualDraft(
      conflict,
      { ...draft, scores: { s1: 10.5, s2: 7.3, s3: -1 } },
      TEMPLATE,
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems.map((p) => p.indicatorId)).toEqual(['s1', 's2', 's3']);
    expect(checked.problems[0]?.message).toBe('“代表性成果”：分值须在 0 到 10 之间');
    expect(checked.problems[1]?.message).toContain('0.5 的整数倍');
    expect(checked.problems[2]?.message).toContain('不能为负数');
  });

  it('requires every score and a recommendation when the agreed sheet stays submitted', () => {
    const { conflict } = sampleConflict({}, { recommendation: undefined, status: 'draft' });
    const draft = startManualDraft(conflict, 'incoming', TEMPLATE);
    const checked = checkManualDraft(
      conflict,
      { ...draft, scores: { ...draft.scores, s3: null } },
      TEMPLATE,
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems.map((p) => p.message)).toEqual([
      '“开放交流”尚未打分：已提交的评分表每一项都须有分值',
      '已提交的评分表须有处理建议：请采用带有处理建议的一方',
    ]);
  });

  it('lets two drafts agree on a partly scored sheet', () => {
    const { conflict } = sampleConflict(
      { status: 'draft' },
      { status: 'draft', recommendation: undefined },
    );
    const draft = startManualDraft(conflict, 'incoming', TEMPLATE);
    const checked = checkManualDraft(conflict, { ...draft, scores: { s1: 5 } }, TEMPLATE);
    expect(checked).toMatchObject({ ok: true, resolution: { scores: { s1: 5 } } });
  });

  it('does not start the agreed values from a copy that declared a recusal', () => {
    const recusal = { reason: '曾在该单位任职', source: 'declared' as const, at: TEST_TIME };
    const { conflict } = sampleConflict({}, { recusal, scores: {} });
    expect(canStartFrom(conflict, 'local')).toBe(true);
    expect(canStartFrom(conflict, 'incoming')).toBe(false);
  });
});
