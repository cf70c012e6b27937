// How many bases each expert scores, for the workbook export list: counted in one pass, the
// same as asking expert by expert, recused assignments left out.
import { describe, expect, it } from 'vitest';
import {
  basesToScore,
  basesToScoreByExpert,
} from '../../../../../renderer/features/secretariat/exchange/workbookExportData';
import type { WorkbookExportData } from '../../../../../renderer/features/secretariat/exchange/workbookExportData';
import {
  buildAssignment,
  buildBase,
  buildExpert,
  buildPanel,
  buildRound,
  TEST_TIME,
} from '../../../../helpers/builders';

describe('bases to score per expert', () => {
  it('counts 张三 3, 李四 1 (one recused), 王五 none', () => {
    const round = buildRound();
    const panel = buildPanel(round.id);
    const [zhang, li, wang] = ['张三', '李四', '王五'].map((name) =>
      buildExpert(round.id, panel.id, { name }),
    );
    if (!zhang || !li || !wang) throw new Error('no experts');
    const bases = [0, 1, 2].map(() => buildBase(round.id, { panelId: panel.id }));
    const [jia, yi, bing] = bases;
    if (!jia || !yi || !bing) throw new Error('no bases');
    const recusal = { reason: '同一单位', source: 'institution' as const, at: TEST_TIME };
    const data: WorkbookExportData = {
      round,
      panels: [panel],
      experts: [zhang, li, wang],
      bases,
      templates: [],
      assignments: [
        buildAssignment(jia, zhang),
        buildAssignment(yi, zhang),
        buildAssignment(bing, zhang),
        buildAssignment(jia, li),
        buildAssignment(yi, li, { recusal }),
      ],
    };
    const counts = basesToScoreByExpert(data);
    expect(counts.get(zhang.id)).toBe(3);
    expect(counts.get(li.id)).toBe(1);
    expect(counts.has(wang.id)).toBe(false);
    for (const expert of data.experts) {
      expect(counts.get(expert.id) ?? 0).toBe(basesToScore(data, expert.id));
    }
  });
});
