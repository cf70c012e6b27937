// Accepting a closed round's result bundle: what the registry keeps of it (condenseResult)
// and the refusals the department reads. Expected values are worked out by hand from the fixture: the lab
// was scored 90, 80, 70 (mean 80, 良好), the centre 60, 70, 80 (mean 70, 合格); three sheets
// are too few to trim (trimMinSheets 5), so the method used is the plain mean.
import { describe, expect, it } from 'vitest';
import { condenseResult } from '../../../shared/registry/accept';
import type { AcceptedBaseOutcome } from '../../../shared/registry/types';
import type { ResultPayload } from '../../../shared/bundle/payload';
import { buildDecision } from '../../helpers/builders';
import {
  CONDENSE_STAMP,
  condensed,
  decide,
  resultFixture,
  withdrawal,
} from '../../helpers/registryBuilders';

const ROUND_LABEL = '评估轮次“2024年度优化整合评估”（2024年）';

function refusal(payload: ResultPayload) {
  const result = condenseResult({ payload, ...CONDENSE_STAMP });
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

describe('condenseResult', () => {
  it('keeps each base with the result computed under the round rule when nothing was decided', () => {
    const { payload, lab, centre } = resultFixture();
    const labOutcome: AcceptedBaseOutcome = {
      code: 'LN-A1-001',
      name: '辽宁省高性能金属材料重点实验室',
      type: 'A1',
      legacyType: 'keyLaboratory',
      hostInstitution: '东北大学',
      city: '沈阳',
      director: '王建国',
      yearEstablished: 2010,
      field: '材料',
      baseId: lab.id,
      aggregate: 80,
      method: 'mean',
      grade: 'good',
      sheets: 3,
    };
    expect(condensed(payload)).toStrictEqual({
      roundId: payload.round.id,
      name: '2024年度优化整合评估',
      year: 2024,
      evaluationType: 'integration',
      version: 1,
      closedAt: '2024-07-15T02:00:00.000Z',
      closedBy: '秘书处 王芳',
      bundleSha256: 'f'.repeat(64),
      signerFingerprint: 'ABCD-EF01-2345-6789',
      acceptedAt: '2024-08-01T01:00:00.000Z',
      acceptedBy: '省厅 李处长',
      bases: [
        labOutcome,
        {
          ...labOutcome,
          code: 'LN-B4-002',
          name: '辽宁省智能装备工程技术研究中心',
          type: 'B4',
          legacyType: 'engineeringTechnologyCenter',
          baseId: centre.id,
          aggregate: 70,
          grade: 'pass',
        },
      ],
    });
  });

  it('takes the basis recorded at closing, the target type, and the merge target by code', () => {
    const fixture = resultFixture();
    let payload = decide(
      fixture.payload,
      fixture.lab,
      { code: 'include', targetType: 'A1' },
      {
        basis: {
          aggregate: 88.5,
          method: 'trimmedMean',
          grade: 'good',
          sheets: 5,
          recordedAt: '2024-07-15T02:00:00.000Z',
        },
      },
    );
    payload = decide(payload, fixture.centre, { code: 'merge', targetBaseId: fixture.lab.id });
    const [lab, centre] = condensed(payload).bases;
    expect([lab?.aggregate, lab?.method, lab?.grade, lab?.sheets]).toEqual([
      88.5,
      'trimmedMean',
      'good',
      5,
    ]);
    expect([lab?.disposition, lab?.targetType]).toEqual(['include', 'A1']);
    expect([centre?.disposition, centre?.mergedInto, centre?.aggregate]).toEqual([
      'merge',
      'LN-A1-001',
      70,
    ]);
  });

  it('marks a withdrawn base (撤出): no decision, no counted sheet', () => {
    const fixture = resultFixture();
    const payload = {
      ...decide(fixture.payload, fixture.centre, { code: 'revoke' }),
      changes: [withdrawal(fixture.centre)],
    };
    const [lab, centre] = condensed(payload).bases;
    expect(lab?.aggregate).toBe(80);
    expect(centre?.withdrawn).toBe(true);
    expect(centre?.disposition).toBeUndefined();
    expect([centre?.aggregate, centre?.grade, centre?.sheets]).toEqual([null, null, 0]);
  });

  it('refuses the bundle of a round that is not closed, naming the round', () => {
    const { payload } = resultFixture();
    const open = { ...payload, round: { ...payload.round, status: 'issued' as const } };
    expect(refusal(open)).toStrictEqual({
      code: 'roundOpen',
      message: `${ROUND_LABEL}尚未结束评估，不能收入基地库。请在秘书处结束评估后重新导出结果数据包。`,
    });
    const { closure: _closure, ...neverClosed } = payload.round;
    expect(refusal({ ...payload, round: { ...neverClosed, status: 'closed' } }).code).toBe(
      'roundOpen',
    );
  });

  it('refuses a decision about a base the round does not have', () => {
    const { payload, lab } = resultFixture();
    const ghost = buildDecision(lab, { baseId: 'base-ghost', disposition: { code: 'revoke' } });
    expect(refusal({ ...payload, decisions: [ghost] })).toStrictEqual({
      code: 'unknownBase',
      message: `${ROUND_LABEL}的最终决定指向了本轮基地名单中没有的基地（编号 base-ghost），不能收入基地库。`,
    });
  });

  it('refuses a merge into a base the round does not have, naming the merged base', () => {
    const { payload, lab } = resultFixture();
    const merged = decide(payload, lab, { code: 'merge', targetBaseId: 'base-ghost' });
    expect(refusal(merged)).toStrictEqual({
      code: 'unknownMergeTarget',
      message: `${ROUND_LABEL}中基地“辽宁省高性能金属材料重点实验室”（LN-A1-001）的合并决定指向了本轮基地名单中没有的基地（编号 base-ghost），不能收入基地库。`,
    });
  });

  it('refuses a round without bases, a base without a code and two bases sharing one', () => {
    const { payload, lab, centre } = resultFixture();
    expect(refusal({ ...payload, bases: [], decisions: [] }).message).toBe(
      `${ROUND_LABEL}的结果数据包中没有任何基地，不能收入基地库。`,
    );
    expect(refusal({ ...payload, bases: [lab, { ...centre, code: ' ' }] }).message).toBe(
      `${ROUND_LABEL}中的基地“辽宁省智能装备工程技术研究中心”没有基地库编码，不能收入基地库。`,
    );
    expect(refusal({ ...payload, bases: [lab, { ...centre, code: lab.code }] }).message).toBe(
      `${ROUND_LABEL}中的基地“辽宁省高性能金属材料重点实验室”和“辽宁省智能装备工程技术研究中心”使用同一个基地库编码“LN-A1-001”，不能收入基地库。`,
    );
  });
});
