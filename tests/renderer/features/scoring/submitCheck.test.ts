import { describe, expect, it } from 'vitest';
import { missingItems } from '../../../../renderer/features/scoring/submitCheck';
import { setRecommendation } from '../../../../shared/domain/scoresheet';
import { builtinTemplateForType, secondaryIndicators } from '../../../../shared/domain/templates';
import {
  draftSheet,
  readyToSubmit,
  scoreEverything,
  stampAt,
  unwrap,
} from '../../../helpers/scoresheetBuilders';

const template = builtinTemplateForType('A1');
const context = { baseType: 'A1' as const, selfBaseId: 'base-1' };

describe('what stops a submit', () => {
  it('lists every unscored indicator by name and the missing recommendation', () => {
    const items = missingItems(draftSheet(template), template, context);
    const secondaries = secondaryIndicators(template);
    expect(items.filter((i) => i.kind === 'score')).toHaveLength(secondaries.length);
    expect(items[0]).toEqual({
      kind: 'score',
      indicatorId: secondaries[0]?.id,
      name: secondaries[0]?.name,
      primaryName: template.primaries[0]?.name,
    });
    expect(items.at(-1)).toEqual({ kind: 'recommendation' });
  });

  it('names an input that shows a refused value, even when an older score is saved', () => {
    const sheet = readyToSubmit(template);
    const items = missingItems(sheet, template, context, new Set(['A1.1.1']));
    expect(items).toEqual([
      expect.objectContaining({ kind: 'invalidInput', indicatorId: 'A1.1.1' }),
    ]);
  });

  it('asks for the reason a 限期整改 needs', () => {
    const scored = scoreEverything(draftSheet(template), template);
    const sheet = unwrap(
      setRecommendation(scored, { disposition: { code: 'rectify' }, reason: '  ' }, stampAt(50)),
    );
    expect(missingItems(sheet, template, context)).toEqual([
      expect.objectContaining({ kind: 'problem', code: 'reasonRequired' }),
    ]);
  });

  it('has nothing to say about a complete sheet', () => {
    expect(missingItems(readyToSubmit(template), template, context)).toEqual([]);
  });
});

describe('a recommendation still being chosen', () => {
  it('is described by what it lacks rather than as missing', () => {
    const sheet = scoreEverything(draftSheet(template), template);
    const items = missingItems(sheet, template, context, new Set(), [
      { code: 'mergeTargetMissing', message: '请选择合并到的基地' },
    ]);
    expect(items).toEqual([
      { kind: 'problem', code: 'mergeTargetMissing', message: '请选择合并到的基地' },
    ]);
  });
});
