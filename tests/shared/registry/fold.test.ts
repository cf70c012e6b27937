// The registry fold: what each final decision does to a base and the rectification deadline.
// Every expected registry below is written out by hand.
import { describe, expect, it } from 'vitest';
import { buildRegistry, DEFAULT_REGISTRY_OPTIONS } from '../../../shared/registry/fold';
import {
  buildAcceptedRound,
  buildApproval,
  buildOutcome,
  labBase,
  line,
  only,
  round2022,
} from '../../helpers/registryBuilders';

describe('buildRegistry: each decision', () => {
  it('an approval (批建) enters the registry as an active base in its year', () => {
    const state = buildRegistry([buildApproval('LN-900', { year: 2021, type: 'B2' })], []);
    expect(state).toStrictEqual({
      bases: [
        {
          code: 'LN-900',
          name: '辽宁省基地LN-900',
          type: 'B2',
          hostInstitution: '大连理工大学',
          city: '大连',
          director: '张伟',
          yearEstablished: 2021,
          field: '装备制造',
          category: 'B',
          status: 'active',
          enteredYear: 2021,
          history: [],
        },
      ],
      events: [{ year: 2021, code: 'LN-900', kind: 'entered', to: 'B2' }],
      rounds: [],
    });
  });

  it('纳入 moves a legacy base into the new series, keeping its legacy type as previous', () => {
    const round = round2022([buildOutcome('LN-001', { disposition: 'include', targetType: 'A1' })]);
    const state = buildRegistry([], [round]);
    const expected = labBase('LN-001', {
      previousType: 'keyLaboratory',
      history: [line('r2022', 2022, { disposition: 'include', targetType: 'A1' })],
    });
    delete expected.legacyType;
    expect(state.bases).toStrictEqual([expected]);
    expect(state.events).toStrictEqual([
      { year: 2022, code: 'LN-001', kind: 'entered', roundId: 'r2022', to: 'A1' },
      {
        year: 2022,
        code: 'LN-001',
        kind: 'included',
        roundId: 'r2022',
        from: 'keyLaboratory',
        to: 'A1',
      },
    ]);
    expect(state.rounds).toStrictEqual([round]);
  });

  it('纳入 into another new type than the candidate one changes the type and category', () => {
    const state = buildRegistry(
      [],
      [
        round2022([
          buildOutcome('LN-002', {
            type: 'B4',
            legacyType: 'engineeringTechnologyCenter',
            disposition: 'include',
            targetType: 'B3',
          }),
        ]),
      ],
    );
    const base = only(state.bases, 'LN-002');
    expect([base.type, base.category, base.legacyType, base.previousType]).toEqual([
      'B3',
      'B',
      undefined,
      'engineeringTechnologyCenter',
    ]);
  });

  it('保留并调整方向 leaves type and status as they are and records the round', () => {
    const state = buildRegistry(
      [],
      [round2022([buildOutcome('LN-003', { disposition: 'keepAdjust' })])],
    );
    expect(state.bases).toStrictEqual([
      labBase('LN-003', { history: [line('r2022', 2022, { disposition: 'keepAdjust' })] }),
    ]);
    expect(state.events.map((e) => e.kind)).toEqual(['entered']);
  });

  it('限期整改 sets the deadline one year after the Beijing date of the closing', () => {
    // 2022-07-14 18:30 UTC is 2022-07-15 02:30 in Beijing.
    const round = round2022([buildOutcome('LN-004', { disposition: 'rectify' })], {
      closedAt: '2022-07-14T18:30:00.000Z',
    });
    const state = buildRegistry([], [round]);
    expect(state.bases).toStrictEqual([
      labBase('LN-004', {
        status: 'rectifying',
        rectifyUntil: '2023-07-15',
        history: [line('r2022', 2022, { disposition: 'rectify' })],
      }),
    ]);
    expect(state.events[1]).toStrictEqual({
      year: 2022,
      code: 'LN-004',
      kind: 'rectifying',
      roundId: 'r2022',
      from: 'keyLaboratory',
      to: 'A1',
    });
  });

  it('a shorter rectification period ending past a month end lands on its last day', () => {
    // Closed 2024-01-31 in Beijing; one month later is 29 February (a leap year).
    const round = buildAcceptedRound(
      'r2024',
      2024,
      [buildOutcome('LN-005', { disposition: 'rectify' })],
      {
        closedAt: '2024-01-30T16:00:00.000Z',
      },
    );
    expect(
      only(buildRegistry([], [round], { rectifyMonths: 1 }).bases, 'LN-005').rectifyUntil,
    ).toBe('2024-02-29');
    expect(
      only(buildRegistry([], [round], { rectifyMonths: 13 }).bases, 'LN-005').rectifyUntil,
    ).toBe('2025-02-28');
    expect(DEFAULT_REGISTRY_OPTIONS).toEqual({ rectifyMonths: 12 });
  });

  it('合并 marks the base merged into the target code; the target carries on', () => {
    const state = buildRegistry(
      [],
      [
        round2022([
          buildOutcome('LN-010', { disposition: 'keepAdjust' }),
          buildOutcome('LN-011', { disposition: 'merge', mergedInto: 'LN-010' }),
        ]),
      ],
    );
    expect(only(state.bases, 'LN-010').status).toBe('active');
    expect(only(state.bases, 'LN-011')).toStrictEqual(
      labBase('LN-011', {
        status: 'merged',
        mergedInto: 'LN-010',
        history: [line('r2022', 2022, { disposition: 'merge', mergedInto: 'LN-010' })],
      }),
    );
    expect(state.events.filter((e) => e.kind === 'merged')).toStrictEqual([
      { year: 2022, code: 'LN-011', kind: 'merged', roundId: 'r2022', from: 'keyLaboratory' },
    ]);
  });

  it('转 converts a base of the new series to another type, keeping the previous one', () => {
    const approval = buildApproval('LN-020', { year: 2019, type: 'B4' });
    const state = buildRegistry(
      [approval],
      [
        round2022([
          buildOutcome('LN-020', {
            type: 'B4',
            legacyType: undefined,
            disposition: 'convert',
            targetType: 'B3',
          }),
        ]),
      ],
    );
    const base = only(state.bases, 'LN-020');
    expect([base.type, base.previousType, base.category, base.status, base.enteredYear]).toEqual([
      'B3',
      'B4',
      'B',
      'active',
      2019,
    ]);
    expect(state.events).toStrictEqual([
      { year: 2019, code: 'LN-020', kind: 'entered', to: 'B4' },
      { year: 2022, code: 'LN-020', kind: 'converted', roundId: 'r2022', from: 'B4', to: 'B3' },
    ]);
  });

  it('撤销 revokes the base, which stays in the list with its history', () => {
    const state = buildRegistry(
      [],
      [
        round2022([
          buildOutcome('LN-030', { disposition: 'revoke', grade: 'fail', aggregate: 52 }),
        ]),
      ],
    );
    expect(state.bases).toStrictEqual([
      labBase('LN-030', {
        status: 'revoked',
        history: [line('r2022', 2022, { disposition: 'revoke', grade: 'fail', aggregate: 52 })],
      }),
    ]);
    expect(state.events.map((e) => e.kind)).toEqual(['entered', 'revoked']);
  });

  it('a withdrawn base (撤出) and a base without a decision get the history line only', () => {
    const approvalA = buildApproval('LN-040', { year: 2020 });
    const approvalB = buildApproval('LN-041', { year: 2020 });
    const state = buildRegistry(
      [approvalA, approvalB],
      [
        round2022([
          buildOutcome('LN-040', {
            withdrawn: true,
            disposition: 'revoke',
            aggregate: null,
            grade: null,
            sheets: 0,
          }),
          buildOutcome('LN-041', {}),
        ]),
      ],
    );
    const withdrawn = only(state.bases, 'LN-040');
    expect(withdrawn.status).toBe('active');
    expect(withdrawn.history).toStrictEqual([
      line('r2022', 2022, { aggregate: null, grade: null }),
    ]);
    expect(only(state.bases, 'LN-041').history).toStrictEqual([line('r2022', 2022)]);
    expect(state.events.map((e) => `${e.code}:${e.kind}`)).toEqual([
      'LN-040:entered',
      'LN-041:entered',
    ]);
  });
});
