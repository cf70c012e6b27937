import { describe, expect, it } from 'vitest';
import { applyFieldEdits, fieldKey } from '../../../../renderer/features/scoring/fieldEdits';
import { builtinTemplateForType } from '../../../../shared/domain/templates';
import { draftSheet, stampAt } from '../../../helpers/scoresheetBuilders';

const template = builtinTemplateForType('A1');

describe('a batch of field edits', () => {
  it('applies scores, comments, overall comment and recommendation together', () => {
    const result = applyFieldEdits(
      draftSheet(template),
      template,
      [
        { kind: 'score', indicatorId: 'A1.1.1', value: 8 },
        { kind: 'comment', indicatorId: 'A1.1', text: '方向清晰' },
        { kind: 'overall', text: '运行良好' },
        {
          kind: 'recommendation',
          decision: { disposition: { code: 'include', targetType: 'A1' }, reason: '' },
        },
      ],
      stampAt(1),
    );
    expect(result.ok && result.changed).toBe(true);
    if (!result.ok) return;
    expect(result.sheet.scores).toEqual({ 'A1.1.1': 8 });
    expect(result.sheet.comments).toEqual({ 'A1.1': '方向清晰' });
    expect(result.sheet.overallComment).toBe('运行良好');
    expect(result.sheet.recommendation?.disposition.code).toBe('include');
  });

  it('saves nothing when one edit is refused', () => {
    const result = applyFieldEdits(
      draftSheet(template),
      template,
      [
        { kind: 'score', indicatorId: 'A1.1.1', value: 8 },
        { kind: 'score', indicatorId: 'A1.1.2', value: 99 },
      ],
      stampAt(1),
    );
    expect(result.ok).toBe(false);
  });

  it('reports no change when every value is already stored', () => {
    const sheet = draftSheet(template);
    const result = applyFieldEdits(
      sheet,
      template,
      [{ kind: 'score', indicatorId: 'A1.1.1', value: null }],
      stampAt(1),
    );
    expect(result).toEqual({ ok: true, sheet, changed: false });
  });

  it('keys pending edits by field, so a later edit of a field replaces the earlier one', () => {
    expect(fieldKey({ kind: 'score', indicatorId: 'A1.1.1', value: 1 })).toBe(
      fieldKey({ kind: 'score', indicatorId: 'A1.1.1', value: 2 }),
    );
    expect(fieldKey({ kind: 'score', indicatorId: 'A1.1.1', value: 1 })).not.toBe(
      fieldKey({ kind: 'comment', indicatorId: 'A1.1.1', text: '' }),
    );
  });
});
