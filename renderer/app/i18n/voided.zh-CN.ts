// Strings of voided sheets (作废) and round changes (轮次变更) on the import previews and the
// panel laptop's screens (renderer/app/components/RoundChangesList.tsx, features/scoring).
export const voidedZhCN = {
  tag: '作废',
  kinds: {
    replaceExpert: '替换专家',
    withdrawBase: '撤出基地',
    moveBase: '调整专家组',
    declareConflict: '声明回避',
    waiveMissing: '缺评',
  },
  listTitle: '秘书处的轮次变更（{{count}} 项）',
  expert: '专家：{{name}}',
  replacement: '接替专家：{{name}}',
  base: '基地：{{name}}',
  fromPanel: '原评审组：{{name}}',
  toPanel: '新评审组：{{name}}',
  reason: '原因：{{reason}}',
  madeBy: '{{actor}}，{{at}}',
  voids: '作废 {{count}} 项评审任务的评分',
  undone: '已撤销：{{actor}}，{{at}}，原因：{{reason}}',
  undoneTag: '已撤销',
  status: { new: '新变更', changed: '已更新', unchanged: '本机已有' },
  voidedHere:
    '导入后，本机 {{count}} 张评分表作废：保留并可查看，不能再修改或提交，不计入任何统计。',
  sheetsLabel: '作废',
  sheetsVoided: '作废：{{count}} 张（{{reasons}}）',
  sheetsVoidedNote: '这些评分表所属的评审任务已被轮次变更作废：照常保存，不计入任何统计。',
  rowReason: '原因：{{reason}}',
  filter: '作废（{{count}}）',
  progress: '另有作废 {{count}} 张',
  panelCount: '作废 {{count}} 张',
  sheetBanner:
    '此评分表已作废（{{kind}}）：{{reason}}。评分保留并可查看，但不能修改、提交或撤回，也不计入任何统计。',
};
