// Planning an acceptance: new, replace (a newer version), unchanged (the same bundle again)
// or older, with the changes the preview lists, worked out by hand from the fixture (the lab
// is included into A1, the centre put under rectification, closed 2024-07-15 in Beijing).
import { describe, expect, it } from 'vitest';
import { olderVersionRefusal, planAcceptance } from '../../../shared/registry/accept';
import type { AcceptedRound } from '../../../shared/registry/types';
import { buildApproval, condensed, decide, resultFixture } from '../../helpers/registryBuilders';

describe('planAcceptance', () => {
  const fixture = resultFixture();
  const v1 = condensed(
    decide(
      decide(fixture.payload, fixture.lab, { code: 'include', targetType: 'A1' }),
      fixture.centre,
      {
        code: 'rectify',
      },
    ),
  );
  const roundId = v1.roundId;
  const v2: AcceptedRound = {
    ...v1,
    version: 2,
    closedAt: '2024-09-01T02:00:00.000Z',
    bundleSha256: 'e'.repeat(64),
    bases: v1.bases.map((b) =>
      b.code === 'LN-B4-002' ? { ...b, disposition: 'keepAdjust' as const } : b,
    ),
  };

  it('a new round lists every base it brings in, with status and deadline', () => {
    expect(planAcceptance([], [], v1)).toStrictEqual({
      action: 'new',
      round: v1,
      changes: [
        { code: 'LN-A1-001', name: '辽宁省高性能金属材料重点实验室', kind: 'entered', to: 'A1' },
        { code: 'LN-A1-001', name: '辽宁省高性能金属材料重点实验室', kind: 'history', to: roundId },
        {
          code: 'LN-B4-002',
          name: '辽宁省智能装备工程技术研究中心',
          kind: 'entered',
          to: 'engineeringTechnologyCenter',
        },
        {
          code: 'LN-B4-002',
          name: '辽宁省智能装备工程技术研究中心',
          kind: 'status',
          to: 'rectifying',
        },
        {
          code: 'LN-B4-002',
          name: '辽宁省智能装备工程技术研究中心',
          kind: 'rectifyUntil',
          to: '2025-07-15',
        },
        { code: 'LN-B4-002', name: '辽宁省智能装备工程技术研究中心', kind: 'history', to: roundId },
      ],
    });
  });

  it('over approved bases it lists the type each 纳入 changes', () => {
    const approval = buildApproval('LN-A1-001', {
      name: '辽宁省高性能金属材料重点实验室',
      year: 2010,
      type: 'A1',
      legacyType: 'keyLaboratory',
    });
    const plan = planAcceptance([approval], [], v1);
    expect(plan.changes.filter((c) => c.code === 'LN-A1-001')).toStrictEqual([
      {
        code: 'LN-A1-001',
        name: '辽宁省高性能金属材料重点实验室',
        kind: 'type',
        from: 'keyLaboratory',
        to: 'A1',
      },
      { code: 'LN-A1-001', name: '辽宁省高性能金属材料重点实验室', kind: 'history', to: roundId },
    ]);
  });

  it('the same bundle again changes nothing', () => {
    const again = { ...v1, acceptedAt: '2024-10-01T00:00:00.000Z' };
    expect(planAcceptance([], [v1], again)).toStrictEqual({
      action: 'unchanged',
      round: v1,
      previous: v1,
      changes: [],
    });
  });

  it('a newer version replaces the stored one and lists what it changes', () => {
    expect(planAcceptance([], [v1], v2)).toStrictEqual({
      action: 'replace',
      round: v2,
      previous: v1,
      changes: [
        {
          code: 'LN-A1-001',
          name: '辽宁省高性能金属材料重点实验室',
          kind: 'history',
          from: roundId,
          to: roundId,
        },
        {
          code: 'LN-B4-002',
          name: '辽宁省智能装备工程技术研究中心',
          kind: 'status',
          from: 'rectifying',
          to: 'active',
        },
        {
          code: 'LN-B4-002',
          name: '辽宁省智能装备工程技术研究中心',
          kind: 'rectifyUntil',
          from: '2025-07-15',
        },
        {
          code: 'LN-B4-002',
          name: '辽宁省智能装备工程技术研究中心',
          kind: 'history',
          from: roundId,
          to: roundId,
        },
      ],
    });
  });

  it('a newer version that no longer names a base lists it as leaving the registry', () => {
    const v3: AcceptedRound = {
      ...v2,
      version: 3,
      bundleSha256: 'd'.repeat(64),
      bases: v2.bases.filter((b) => b.code === 'LN-A1-001'),
    };
    const plan = planAcceptance([], [v2], v3);
    expect(plan.action).toBe('replace');
    expect(plan.changes).toStrictEqual([
      {
        code: 'LN-A1-001',
        name: '辽宁省高性能金属材料重点实验室',
        kind: 'history',
        from: roundId,
        to: roundId,
      },
      {
        code: 'LN-B4-002',
        name: '辽宁省智能装备工程技术研究中心',
        kind: 'entered',
        from: 'engineeringTechnologyCenter',
      },
    ]);
  });

  it('an older version after a newer one changes nothing and says which version is kept', () => {
    const plan = planAcceptance([], [v2], v1);
    expect(plan).toStrictEqual({ action: 'older', round: v2, previous: v2, changes: [] });
    expect(olderVersionRefusal(plan)).toStrictEqual({
      code: 'olderVersion',
      message:
        '基地库中已有评估轮次“2024年度优化整合评估”的较新版本（第 2 版，北京时间 2024-09-01 10:00 结束评估），本数据包较旧，未作任何更改。',
    });
  });
});
