import { describe, expect, it } from 'vitest';
import { mixedTemplateBases, staleDecisions } from '../../../shared/secretariat/resultsChecks';
import type { AuditEntry, FinalDecision } from '../../../shared/domain/types';

const decision = (baseId: string, decidedAt: string): FinalDecision => ({
  id: `decision-${baseId}`,
  roundId: 'round-1',
  baseId,
  decidedAt,
  decidedBy: '王秘书',
  disposition: { code: 'rectify' },
  reason: '',
});

const entry = (action: AuditEntry['action'], entityId: string, at: string) => ({
  action,
  entityId,
  at,
});

const sheets = [
  { id: 's1', baseId: 'b1' },
  { id: 's2', baseId: 'b1' },
  { id: 's3', baseId: 'b2' },
];

describe('decisions older than their base’s scores', () => {
  it('lists a decision made before a later import or conflict resolution of its base', () => {
    const audit = [
      entry('scoresheet.import', 's1', '2024-06-01T09:00:00.000Z'),
      entry('scoresheet.resolveConflict', 's2', '2024-06-03T09:00:00.000Z'),
      entry('scoresheet.import', 's3', '2024-06-01T09:00:00.000Z'),
    ];
    const decisions = [
      decision('b1', '2024-06-02T09:00:00.000Z'),
      decision('b2', '2024-06-02T09:00:00.000Z'),
    ];
    expect(staleDecisions(decisions, sheets, audit)).toEqual([
      {
        baseId: 'b1',
        decidedAt: '2024-06-02T09:00:00.000Z',
        changedAt: '2024-06-03T09:00:00.000Z',
      },
    ]);
  });

  it('ignores other audit actions and entries of sheets it does not know', () => {
    const audit = [
      entry('decision.record', 's1', '2024-06-05T09:00:00.000Z'),
      entry('scoresheet.update', 's1', '2024-06-05T09:00:00.000Z'),
      entry('scoresheet.import', 'other-sheet', '2024-06-05T09:00:00.000Z'),
    ];
    expect(staleDecisions([decision('b1', '2024-06-02T09:00:00.000Z')], sheets, audit)).toEqual([]);
  });
});

describe('bases scored on different template versions', () => {
  const sheet = (baseId: string, templateId: string, counted = true) => ({
    baseId,
    templateId,
    status: counted ? ('submitted' as const) : ('draft' as const),
  });

  it('lists a base whose counted sheets use two templates, not one whose draft does', () => {
    expect(
      mixedTemplateBases([
        sheet('b2', 'A1-v2'),
        sheet('b2', 'A1-v1'),
        sheet('b1', 'A1-v1'),
        sheet('b1', 'A1-v2', false),
      ]),
    ).toEqual([{ baseId: 'b2', templateIds: ['A1-v1', 'A1-v2'] }]);
  });

  it('leaves out recused sheets', () => {
    const recusal = { reason: '回避', source: 'declared' as const, at: '2024-06-01T09:00:00.000Z' };
    expect(
      mixedTemplateBases([sheet('b1', 'A1-v1'), { ...sheet('b1', 'A1-v2'), recusal }]),
    ).toEqual([]);
  });
});
