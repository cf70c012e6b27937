// A small hand-computable round for the chart selectors' tests (tests/shared/charts).
// Totals are chosen so every statistic can be worked out on paper; the worked numbers are
// in the tests that use them.
//
//   base  type  city  panel  counted sheet totals (experts)           rule result
//   甲    A1    沈阳  P1     70 80 85 90 95 (e1…e5)                    trimmed 85, 良好, range 25 > 20
//   乙    A1    大连  P1     90 92 94 96 98 (e1…e5)                    trimmed 94, 优秀
//   丙    A1    沈阳  P1     50 60 64 (e1 e2 e3) + a recusal + a draft  mean 58, 不合格
//   丁    A1    大连  P2     none                                      unscored
//   戊    B1    鞍山  P2     92 88 (e6 e7)                             mean 90, 优秀
import { builtinTemplateForType } from '../../shared/domain/templates';
import type {
  Base,
  DispositionDecision,
  Expert,
  FinalDecision,
  IndicatorTemplate,
  Panel,
  Round,
  Scoresheet,
} from '../../shared/domain/types';
import {
  buildBase,
  buildDecision,
  buildExpert,
  buildPanel,
  buildRound,
  buildScoresheet,
} from './builders';

/**
 * Scores that add up to `total` on the base type's built-in template: secondaries are filled
 * to their maximum in template order, the remainder going to the next one.
 */
export function scoresForTotal(template: IndicatorTemplate, total: number): Record<string, number> {
  const scores: Record<string, number> = {};
  let left = total;
  for (const primary of template.primaries) {
    for (const child of primary.children) {
      const value = Math.min(child.maxPoints, left);
      scores[child.id] = value;
      left -= value;
    }
  }
  if (left > 0) throw new RangeError(`total ${total} exceeds the template's maximum`);
  return scores;
}

/** A submitted, counted sheet whose total is `total`. */
export function submittedSheet(
  base: Base,
  expert: Expert,
  total: number,
  overrides: Partial<Scoresheet> = {},
): Scoresheet {
  return buildScoresheet(base, expert, {
    status: 'submitted',
    scores: scoresForTotal(builtinTemplateForType(base.type), total),
    ...overrides,
  });
}

export type ChartRound = {
  round: Round;
  panels: { p1: Panel; p2: Panel };
  experts: Expert[];
  bases: { jia: Base; yi: Base; bing: Base; ding: Base; wu: Base };
  allBases: Base[];
  scoresheets: Scoresheet[];
  decisions: FinalDecision[];
};

const rec = (disposition: DispositionDecision['disposition']): DispositionDecision => ({
  disposition,
  reason: '专家意见',
});

export function buildChartRound(): ChartRound {
  const round = buildRound({ agreement: { disagreementRange: 20 } });
  const p1 = buildPanel(round.id, { name: '第一组' });
  const p2 = buildPanel(round.id, { name: '第二组' });
  const names = ['赵一', '钱二', '孙三', '李四', '周五', '吴六', '郑七'];
  const experts = names.map((name, i) => buildExpert(round.id, i < 5 ? p1.id : p2.id, { name }));
  const [e1, e2, e3, e4, e5, e6, e7] = experts as [
    Expert,
    Expert,
    Expert,
    Expert,
    Expert,
    Expert,
    Expert,
  ];
  const jia = buildBase(round.id, {
    name: '甲实验室',
    code: 'A1-JIA',
    city: '沈阳',
    panelId: p1.id,
  });
  const yi = buildBase(round.id, { name: '乙实验室', code: 'A1-YI', city: '大连', panelId: p1.id });
  const bing = buildBase(round.id, {
    name: '丙实验室',
    code: 'A1-BING',
    city: '沈阳',
    panelId: p1.id,
  });
  const ding = buildBase(round.id, {
    name: '丁实验室',
    code: 'A1-DING',
    city: '大连',
    panelId: p2.id,
  });
  const wu = buildBase(round.id, {
    name: '戊工程研究中心',
    code: 'B1-WU',
    type: 'B1',
    legacyType: 'engineeringResearchCenter',
    city: '鞍山',
    panelId: p2.id,
  });
  const keep = rec({ code: 'keepAdjust' });
  const rectify = rec({ code: 'rectify' });
  const include = rec({ code: 'include', targetType: 'A1' });
  const scoresheets = [
    submittedSheet(jia, e1, 70, { recommendation: rectify }),
    submittedSheet(jia, e2, 80, { recommendation: keep }),
    submittedSheet(jia, e3, 85, { recommendation: keep }),
    submittedSheet(jia, e4, 90, { recommendation: keep }),
    submittedSheet(jia, e5, 95, { recommendation: keep }),
    ...[90, 92, 94, 96, 98].map((total, i) =>
      submittedSheet(yi, experts[i] ?? e1, total, { recommendation: include }),
    ),
    submittedSheet(bing, e1, 50, { recommendation: rectify }),
    submittedSheet(bing, e2, 60, { recommendation: rectify }),
    submittedSheet(bing, e3, 64, { recommendation: rectify }),
    // Neither counts anywhere: a recused sheet (with a full score) and a draft.
    submittedSheet(bing, e4, 100, {
      recommendation: include,
      recusal: { reason: '本单位', source: 'declared', at: round.createdAt },
    }),
    buildScoresheet(bing, e5, { status: 'draft', scores: { 'A1.1.1': 10 } }),
    submittedSheet(wu, e6, 92),
    submittedSheet(wu, e7, 88),
  ];
  const decisions = [
    buildDecision(jia, { disposition: { code: 'keepAdjust' } }),
    buildDecision(bing, { disposition: { code: 'revoke' }, reason: '长期无重大成果' }),
  ];
  return {
    round,
    panels: { p1, p2 },
    experts,
    bases: { jia, yi, bing, ding, wu },
    allBases: [jia, yi, bing, ding, wu],
    scoresheets,
    decisions,
  };
}
