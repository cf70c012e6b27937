// The conflict list and the side-by-side view: what the clerk compares before choosing.
import { describe, expect, it } from 'vitest';
import { conflictList, sideBySide } from '../../../shared/secretariat/conflictView';
import type { AuditEntry, ConflictRecord } from '../../../shared/domain/types';
import { TEST_TIME } from '../../helpers/builders';
import { sampleConflict, TEMPLATE } from '../../helpers/secretariatBuilders';

describe('the side-by-side view', () => {
  it('marks exactly the indicators, totals and fields that differ', () => {
    const { conflict } = sampleConflict();
    const view = sideBySide(conflict, TEMPLATE);
    const [p1, p2] = view.primaries;
    expect(p1?.children.map((c) => [c.id, c.isScoreDifferent, c.isCommentDifferent])).toEqual([
      ['s1', false, false],
      ['s2', true, true],
    ]);
    expect(p1).toMatchObject({ localTotal: 23, incomingTotal: 20.5, isTotalDifferent: true });
    expect(p1?.isCommentDifferent).toBe(false);
    expect(p2?.isTotalDifferent).toBe(false);
    expect([view.localTotal, view.incomingTotal]).toEqual([83, 80.5]);
    expect(view.differentIndicators).toBe(1);
    expect([...view.differentFields].sort()).toEqual(['deviceId', 'revision']);
  });

  it('shows an unscored indicator as empty and counts it as a difference', () => {
    const { conflict } = sampleConflict({}, { scores: { s1: 8, s2: 15 }, status: 'draft' });
    const view = sideBySide(conflict, TEMPLATE);
    const s3 = view.primaries[1]?.children[0];
    expect(s3).toMatchObject({ local: 60, incoming: undefined, isScoreDifferent: true });
    expect(view.incomingTotal).toBe(23);
    expect(view.differentFields.has('status')).toBe(true);
  });

  it('tells a changed recommendation or recusal from an unchanged one', () => {
    const { conflict } = sampleConflict(
      {},
      {
        recommendation: { disposition: { code: 'rectify' }, reason: '成果转化不足' },
        recusal: { reason: '曾在该单位任职', source: 'declared', at: TEST_TIME },
      },
    );
    const fields = sideBySide(conflict, TEMPLATE).differentFields;
    expect(fields.has('recommendation')).toBe(true);
    expect(fields.has('recusal')).toBe(true);
    expect(fields.has('overallComment')).toBe(false);
  });
});

describe('the conflict list', () => {
  const resolutionEntry = (record: ConflictRecord, actor: string): AuditEntry => ({
    at: '2024-05-12T10:00:00.000Z',
    roundId: record.roundId,
    action: 'scoresheet.resolveConflict',
    entityId: record.scoresheetId,
    actor,
    detail: `采用另一台电脑上的版本（冲突记录 ${record.id}）`,
  });

  it('puts open conflicts first, then those a person settled with who chose and when', () => {
    const { base, expert, conflict } = sampleConflict();
    const older = { ...conflict, id: 'conflict-0', detectedAt: '2024-05-01T00:00:00.000Z' };
    const settled: ConflictRecord = {
      ...conflict,
      id: 'conflict-9',
      resolvedAt: '2024-05-12T10:00:00.000Z',
      resolution: 'incoming',
    };
    // Merge settles identical copies itself: nothing for a person, not listed.
    const identical: ConflictRecord = {
      ...conflict,
      id: 'conflict-same',
      incoming: { ...conflict.local, deviceId: 'laptop-3' },
      resolvedAt: TEST_TIME,
      resolution: 'local',
    };
    const rows = conflictList({
      conflicts: [settled, identical, conflict, older],
      bases: [base],
      experts: [expert],
      imports: [
        {
          id: 'import-1',
          roundId: conflict.roundId,
          kind: 'scores',
          fileName: '大连组-评分.pgb',
          deviceId: 'laptop-2',
          fingerprint: 'ABCD-EF01-2345-6789',
          importedAt: TEST_TIME,
          counts: { added: 0, updated: 0, unchanged: 0, conflicts: 1, refused: 0 },
        },
      ],
      audit: [resolutionEntry(older, '不相干'), resolutionEntry(settled, '秘书处 王芳')],
    });
    expect(rows.map((r) => [r.id, r.isOpen, r.resolvedBy])).toEqual([
      ['conflict-0', true, undefined],
      ['conflict-1', true, undefined],
      ['conflict-9', false, '秘书处 王芳'],
    ]);
    expect(rows[1]).toMatchObject({
      baseName: '辽宁省金属材料重点实验室',
      expertName: '李明',
      sourceFile: '大连组-评分.pgb',
    });
    expect(rows[2]).toMatchObject({
      resolution: 'incoming',
      resolvedAt: '2024-05-12T10:00:00.000Z',
    });
  });
});
