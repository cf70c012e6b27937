import { describe, expect, it } from 'vitest';
import { countedRecords, replacedExpertIds } from '../../../shared/domain/roundChanges';
import type { RoundChange } from '../../../shared/domain/types';
import { issuedRound, submittedSheet } from '../../helpers/roundChangeBuilders';

const change = (
  patch: Pick<RoundChange, 'id' | 'kind' | 'at'> & Partial<RoundChange>,
): RoundChange => ({
  roundId: 'round-asg',
  actor: '秘书处',
  reason: '原因',
  voids: [],
  ...patch,
});

describe('replacedExpertIds', () => {
  it('names an expert replaced by a standing change, until a later one brings them back', () => {
    const out = change({
      id: 'c1',
      kind: 'replaceExpert',
      at: '2024-06-01T01:00:00.000Z',
      expertId: 'liu',
      replacementExpertId: 'zhao',
    });
    expect([...replacedExpertIds([out])]).toEqual(['liu']);
    const back = change({
      id: 'c2',
      kind: 'replaceExpert',
      at: '2024-06-01T02:00:00.000Z',
      expertId: 'zhao',
      replacementExpertId: 'liu',
    });
    expect([...replacedExpertIds([out, back])]).toEqual(['zhao']);
    const undone = { ...out, undone: { at: out.at, actor: '秘书处', reason: '误操作' } };
    expect([...replacedExpertIds([undone])]).toEqual([]);
  });
});

describe('countedRecords', () => {
  it('leaves a withdrawn base and its sheets out, and keeps them apart to show', () => {
    const records = issuedRound();
    const sheet = submittedSheet(records, 'p1-e1', 'b01');
    const withdrawn = change({
      id: 'c1',
      kind: 'withdrawBase',
      at: '2024-06-01T01:00:00.000Z',
      baseId: 'b01',
    });
    const counted = countedRecords(records.bases, [sheet], [withdrawn], records.assignments);
    expect(counted.bases.map((b) => b.id)).toEqual(['b02', 'b03', 'b04']);
    expect(counted.withdrawn.map((b) => b.id)).toEqual(['b01']);
    expect(counted.scoresheets).toEqual([]);
    expect(counted.voided).toEqual([{ sheet, change: withdrawn }]);
  });
});
