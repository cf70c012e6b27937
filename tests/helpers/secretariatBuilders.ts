// Builders for the secretariat's conflict and results tests: a small two-primary template
// and a conflict between two copies of one expert's sheet on it.
import type { ConflictRecord, IndicatorTemplate, Scoresheet } from '../../shared/domain/types';
import {
  buildBase,
  buildExpert,
  buildPanel,
  buildRound,
  buildScoresheet,
  TEST_TIME,
} from './builders';

/** 研究水平 30 (代表性成果 10, 承担任务 20) and 运行管理 70 (开放交流 70). */
export const TEMPLATE: IndicatorTemplate = {
  id: 'tpl-test',
  version: 1,
  baseType: 'A1',
  name: '测试指标体系',
  source: 'draft',
  note: '',
  primaries: [
    {
      id: 'p1',
      name: '研究水平',
      maxPoints: 30,
      children: [
        { id: 's1', name: '代表性成果', maxPoints: 10 },
        { id: 's2', name: '承担任务', maxPoints: 20 },
      ],
    },
    {
      id: 'p2',
      name: '运行管理',
      maxPoints: 70,
      children: [{ id: 's3', name: '开放交流', maxPoints: 70 }],
    },
  ],
};

/**
 * The copy shown: submitted, 8 + 15 + 60. The kept copy: 承担任务 12.5 with a comment, from
 * another laptop. Both overridable.
 */
export function sampleConflict(
  local: Partial<Scoresheet> = {},
  incoming: Partial<Scoresheet> = {},
  record: Partial<ConflictRecord> = {},
) {
  const round = buildRound();
  const panel = buildPanel(round.id);
  const expert = buildExpert(round.id, panel.id, { name: '李明' });
  const base = buildBase(round.id, { name: '辽宁省金属材料重点实验室' });
  const shown = buildScoresheet(base, expert, {
    templateId: TEMPLATE.id,
    scores: { s1: 8, s2: 15, s3: 60 },
    comments: { p1: '成果突出' },
    overallComment: '良好',
    status: 'submitted',
    recommendation: { disposition: { code: 'include', targetType: 'A1' }, reason: '' },
    deviceId: 'laptop-1',
    revision: 5,
    ...local,
  });
  const kept: Scoresheet = {
    ...shown,
    scores: { s1: 8, s2: 12.5, s3: 60 },
    comments: { p1: '成果突出', s2: '任务偏少' },
    deviceId: 'laptop-2',
    revision: 6,
    ...incoming,
  };
  const conflict: ConflictRecord = {
    id: 'conflict-1',
    roundId: round.id,
    scoresheetId: shown.id,
    local: shown,
    incoming: kept,
    detectedAt: TEST_TIME,
    sourceImportId: 'import-1',
    ...record,
  };
  return { round, expert, base, conflict };
}
