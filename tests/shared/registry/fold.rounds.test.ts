// The registry fold across rounds: rectification followed by re-evaluation, revoked bases
// scored again, approvals and rounds of one year, and which version of a round stands.
// Every expected registry below is written out by hand.
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../../shared/registry/fold';
import {
  buildAcceptedRound,
  buildApproval,
  buildOutcome,
  labBase,
  line,
  only,
  round2022,
} from '../../helpers/registryBuilders';

describe('buildRegistry: across rounds', () => {
  it('a base under rectification evaluated again and kept the next year is active again', () => {
    const state = buildRegistry(
      [],
      [
        buildAcceptedRound('r2023', 2023, [
          buildOutcome('LN-050', { disposition: 'keepAdjust', aggregate: 78 }),
        ]),
        round2022([
          buildOutcome('LN-050', { disposition: 'rectify', aggregate: 58, grade: 'fail' }),
        ]),
      ],
    );
    expect(state.bases).toStrictEqual([
      labBase('LN-050', {
        status: 'active',
        history: [
          line('r2022', 2022, { disposition: 'rectify', aggregate: 58, grade: 'fail' }),
          line('r2023', 2023, { disposition: 'keepAdjust', aggregate: 78 }),
        ],
      }),
    ]);
    expect(state.rounds.map((r) => r.roundId)).toEqual(['r2022', 'r2023']);
  });

  it('a later round without a decision leaves the rectification and its deadline', () => {
    const state = buildRegistry(
      [],
      [
        round2022([buildOutcome('LN-051', { disposition: 'rectify' })]),
        buildAcceptedRound('r2023', 2023, [buildOutcome('LN-051', {})]),
      ],
    );
    const base = only(state.bases, 'LN-051');
    expect([base.status, base.rectifyUntil, base.history.length]).toEqual([
      'rectifying',
      '2023-07-15',
      2,
    ]);
  });

  it('a revoked base scored again stays revoked; a decision to keep it brings it back', () => {
    const revoked = round2022([
      buildOutcome('LN-060', { disposition: 'revoke' }),
      buildOutcome('LN-061', { disposition: 'revoke' }),
    ]);
    const later = buildAcceptedRound('r2023', 2023, [
      buildOutcome('LN-060', {}),
      buildOutcome('LN-061', { disposition: 'keepAdjust' }),
    ]);
    const state = buildRegistry([], [revoked, later]);
    expect(only(state.bases, 'LN-060').status).toBe('revoked');
    const back = only(state.bases, 'LN-061');
    expect([back.status, back.enteredYear]).toEqual(['active', 2022]);
    expect(state.events.filter((e) => e.code === 'LN-061')).toStrictEqual([
      { year: 2022, code: 'LN-061', kind: 'entered', roundId: 'r2022', to: 'A1' },
      { year: 2022, code: 'LN-061', kind: 'revoked', roundId: 'r2022', from: 'keyLaboratory' },
      { year: 2023, code: 'LN-061', kind: 'entered', roundId: 'r2023', to: 'A1' },
    ]);
  });

  it('approvals apply before the rounds of their year; a round refreshes the description', () => {
    const state = buildRegistry(
      [
        buildApproval('LN-070', {
          year: 2022,
          type: 'A1',
          legacyType: 'keyLaboratory',
          name: '旧名称',
        }),
      ],
      [round2022([buildOutcome('LN-070', { name: '新名称' })])],
    );
    const base = only(state.bases, 'LN-070');
    expect([base.name, base.enteredYear, base.hostInstitution]).toEqual([
      '新名称',
      2022,
      '东北大学',
    ]);
    expect(state.events).toStrictEqual([{ year: 2022, code: 'LN-070', kind: 'entered', to: 'A1' }]);
  });

  it('an approval of a code the registry already lists changes nothing', () => {
    const round = round2022([buildOutcome('LN-071', { disposition: 'include', targetType: 'A1' })]);
    const alone = buildRegistry([], [round]);
    const withLateApproval = buildRegistry(
      [buildApproval('LN-071', { year: 2023, type: 'B1' })],
      [round],
    );
    expect(withLateApproval).toStrictEqual(alone);
  });

  it('rounds of one year apply by closing time, so the later closing decides', () => {
    const early = buildAcceptedRound(
      'z-early',
      2022,
      [buildOutcome('LN-080', { disposition: 'rectify' })],
      {
        closedAt: '2022-03-01T02:00:00.000Z',
      },
    );
    const late = buildAcceptedRound(
      'a-late',
      2022,
      [buildOutcome('LN-080', { disposition: 'keepAdjust' })],
      {
        closedAt: '2022-09-01T02:00:00.000Z',
      },
    );
    for (const input of [
      [early, late],
      [late, early],
    ]) {
      const state = buildRegistry([], input);
      expect(state.rounds.map((r) => r.roundId)).toEqual(['z-early', 'a-late']);
      expect(only(state.bases, 'LN-080').status).toBe('active');
    }
  });
});

describe('buildRegistry: versions of a round', () => {
  const v1 = round2022([
    buildOutcome('LN-090', { disposition: 'rectify', aggregate: 59, grade: 'fail' }),
  ]);
  const v2 = round2022(
    [buildOutcome('LN-090', { disposition: 'keepAdjust', aggregate: 61, grade: 'pass' })],
    {
      version: 2,
      closedAt: '2022-08-20T02:00:00.000Z',
      bundleSha256: 'r2022-v2'.padEnd(64, '0'),
    },
  );

  it('a newer version of a round replaces the older one, whatever the order', () => {
    const expected = labBase('LN-090', {
      history: [
        line('r2022', 2022, {
          version: 2,
          disposition: 'keepAdjust',
          aggregate: 61,
          grade: 'pass',
        }),
      ],
    });
    expect(buildRegistry([], [v1, v2]).bases).toStrictEqual([expected]);
    expect(buildRegistry([], [v2, v1]).bases).toStrictEqual([expected]);
    expect(buildRegistry([], [v2, v1]).rounds).toStrictEqual([v2]);
  });

  it('the same bundle accepted twice gives the same registry as once', () => {
    const again = { ...v1, acceptedAt: '2022-09-01T00:00:00.000Z', acceptedBy: '省厅 另一人' };
    const once = buildRegistry([], [v1]);
    expect(buildRegistry([], [v1, v1])).toStrictEqual(once);
    // A second acceptance of the same bundle keeps the first acceptance's record.
    expect(buildRegistry([], [again, v1])).toStrictEqual(once);
    expect(buildRegistry([], [v1, again])).toStrictEqual(once);
  });

  it('refuses a rectification period that is not a whole number of months', () => {
    expect(() => buildRegistry([], [v1], { rectifyMonths: 0 })).toThrow(
      '整改期限必须是 1 到 120 之间的整数个月',
    );
    expect(() => buildRegistry([], [v1], { rectifyMonths: 1.5 })).toThrow(RangeError);
  });
});
