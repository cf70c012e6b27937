// A small round with hand-computable results for the report tests:
//   A1 X (LN-A1-001): 5 submitted sheets 95 92 90 88 70 → trimmed mean 90 (优秀), mean 87,
//                     median 90, range 25 (> 20: disagreement), decision 纳入 A1;
//   A1 Y (LN-A1-002): 3 submitted sheets 80 82 84 → too few to trim, mean 82 (良好),
//                     plus one draft and one recused sheet, no decision;
//   A1 Z (LN-A1-003): assigned to two experts, nothing started;
//   B4 W (LN-B4-001): 2 submitted sheets 50 60 → 55 (不合格), decision 限期整改.
// One conflict resolved by 王秘书 (X, expert 1: local 93, incoming 95, incoming taken, so the
// stored sheet has 95) and
// one open (W, expert 6: local 50, incoming 52).
import { builtinTemplateForType } from '../../shared/domain/templates';
import type {
  Assignment,
  AuditEntry,
  Base,
  ConflictRecord,
  Expert,
  IndicatorTemplate,
  Scoresheet,
} from '../../shared/domain/types';
import type { ReportInput } from '../../shared/report/types';
import {
  buildAssignment,
  buildBase,
  buildDecision,
  buildExpert,
  buildPanel,
  buildRound,
  buildScoresheet,
} from './builders';

/** Scores of a template summing to `total`: each secondary filled up to its maximum in turn. */
export function scoresFor(template: IndicatorTemplate, total: number): Record<string, number> {
  let left = total;
  const scores: Record<string, number> = {};
  for (const primary of template.primaries) {
    for (const child of primary.children) {
      const value = Math.min(child.maxPoints, left);
      scores[child.id] = value;
      left -= value;
    }
  }
  if (left !== 0) throw new RangeError(`cannot reach ${total} on ${template.id}`);
  return scores;
}

export type ReportFixture = {
  input: ReportInput;
  bases: { x: Base; y: Base; z: Base; w: Base };
  experts: Expert[];
};

export function buildReportFixture(): ReportFixture {
  const round = buildRound({ name: '2024年度省级科技创新基地定期评估', year: 2024 });
  const shenyang = buildPanel(round.id, { name: '沈阳一组' });
  const dalian = buildPanel(round.id, { name: '大连组' });
  const names = ['赵一', '钱二', '孙三', '李四', '周五'];
  const experts = names.map((name) => buildExpert(round.id, shenyang.id, { name }));
  experts.push(buildExpert(round.id, dalian.id, { name: '吴六' }));
  experts.push(buildExpert(round.id, dalian.id, { name: '郑七' }));
  const base = (code: string, name: string, overrides: Partial<Base> = {}) =>
    buildBase(round.id, { code, name, panelId: shenyang.id, ...overrides });
  const x = base('LN-A1-001', '辽宁省高性能金属材料重点实验室');
  const y = base('LN-A1-002', '辽宁省智能制造重点实验室', { hostInstitution: '大连理工大学' });
  const z = base('LN-A1-003', '辽宁省海洋生态重点实验室');
  const w = base('LN-B4-001', '辽宁省轴承专业技术创新中心', {
    type: 'B4',
    legacyType: 'engineeringTechnologyCenter',
    panelId: dalian.id,
    city: '大连',
  });
  const a1 = builtinTemplateForType('A1');
  const b4 = builtinTemplateForType('B4');
  const submitted = (b: Base, e: Expert, total: number, template: IndicatorTemplate) =>
    buildScoresheet(b, e, {
      scores: scoresFor(template, total),
      status: 'submitted',
      submittedAt: '2024-05-20T02:00:00.000Z',
      recommendation: { disposition: { code: 'include', targetType: b.type }, reason: '' },
    });
  const e = (i: number): Expert => {
    const expert = experts[i];
    if (!expert) throw new RangeError(`no expert ${i}`);
    return expert;
  };
  const xSheets = [95, 92, 90, 88, 70].map((t, i) => submitted(x, e(i), t, a1));
  const ySheets = [80, 82, 84].map((t, i) => submitted(y, e(i), t, a1));
  const yDraft = buildScoresheet(y, e(3), { scores: scoresFor(a1, 40) });
  const yRecused = buildScoresheet(y, e(4), {
    recusal: {
      reason: '本人为依托单位兼职研究员',
      source: 'declared',
      at: '2024-05-19T01:00:00.000Z',
    },
  });
  const wSheets = [50, 60].map((t, i) => submitted(w, e(5 + i), t, b4));
  const scoresheets: Scoresheet[] = [...xSheets, ...ySheets, yDraft, yRecused, ...wSheets];
  const assignments: Assignment[] = [
    ...[0, 1, 2, 3, 4].flatMap((i) => [buildAssignment(x, e(i)), buildAssignment(y, e(i))]),
    buildAssignment(z, e(0)),
    buildAssignment(z, e(1)),
    buildAssignment(w, e(5)),
    buildAssignment(w, e(6)),
  ];
  const [xFirst] = xSheets;
  const [wFirst] = wSheets;
  if (!xFirst || !wFirst) throw new Error('fixture sheets missing');
  const resolved: ConflictRecord = {
    id: 'conflict-resolved',
    roundId: round.id,
    scoresheetId: xFirst.id,
    local: { ...xFirst, scores: scoresFor(a1, 93), deviceId: 'laptop-1' },
    incoming: xFirst,
    detectedAt: '2024-05-21T01:00:00.000Z',
    sourceImportId: 'import-1',
    resolvedAt: '2024-05-21T03:30:00.000Z',
    resolution: 'incoming',
  };
  const open: ConflictRecord = {
    id: 'conflict-open',
    roundId: round.id,
    scoresheetId: wFirst.id,
    local: wFirst,
    incoming: { ...wFirst, scores: scoresFor(b4, 52), deviceId: 'laptop-3' },
    detectedAt: '2024-05-22T01:00:00.000Z',
    sourceImportId: 'import-2',
  };
  const audit: AuditEntry[] = [
    {
      at: '2024-05-21T03:30:00.000Z',
      roundId: round.id,
      action: 'scoresheet.resolveConflict',
      entityId: xFirst.id,
      actor: '王秘书',
      detail: '采用另一台电脑上的版本（冲突记录 conflict-resolved）',
    },
  ];
  const decisions = [
    buildDecision(w, {
      disposition: { code: 'rectify' },
      reason: '成果转化不足，限期一年整改',
      decidedAt: '2024-06-01T08:00:00.000Z',
      decidedBy: '秘书处王芳',
    }),
    buildDecision(x, { decidedAt: '2024-06-01T08:05:00.000Z', decidedBy: '秘书处王芳' }),
  ];
  return {
    input: {
      round,
      bases: [w, z, y, x],
      templates: [a1, b4],
      panels: [shenyang, dalian],
      experts,
      assignments,
      scoresheets,
      decisions,
      conflicts: [resolved, open],
      audit,
      generatedAt: '2024-06-02T01:00:00.000Z',
    },
    bases: { x, y, z, w },
    experts,
  };
}
