// Strings of the per-panel Kendall's W table (chair's dashboard, secretariat results).
export const concordanceZhCN = {
  title: '各评审组排序一致性（Kendall W）',
  panel: '评审组',
  w: 'W',
  block: '计算范围',
  blockSize: '{{experts}} 名专家 × {{bases}} 个基地',
  dropped: '未纳入 {{what}}（回避或评分表未提交）',
  droppedExperts: '{{count}} 名专家',
  droppedBases: '{{count}} 个基地',
  reading: '解读',
  readings: {
    good: '一致性较好',
    fair: '一致性一般',
    poor: '一致性较差',
  },
  notComputable: '无法计算',
  gaps: {
    noRatings: '本组尚无已提交的评分表',
    tooFewExperts: '共同评完同一批基地的专家不足 2 名',
    tooFewBases: '所有专家都评完的基地不足 2 个',
    allTied: '每位专家给各基地的总分都相同，无从比较排序',
  },
  note: 'W 衡量同一评审组的专家对本组基地的排序是否一致：1 为完全一致，0 为毫无一致。按评审组的全部基地计算，不受筛选影响；同分取平均秩并做结校正；有回避或未提交的评分表时，只在所有专家都评完的最大“专家 × 基地”块上计算，不作填补。W ≥ 0.7 一致性较好，0.5–0.7 一般，< 0.5 较差（通行的经验划分，评估规则未规定阈值）。',
};
