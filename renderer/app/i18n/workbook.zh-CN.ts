// Chinese strings of the Excel scoresheet workbook: export on the exchange tab, import in the
// batch and on the chair's laptop, and the preview of a workbook.
export const workbookZhCN = {
  export: {
    title: 'Excel 评分表（无软件专家）',
    intro:
      '为不能安装评估通的专家导出 Excel 评分表：每位专家一个 .xlsx 文件，可用 Excel、WPS 或 LibreOffice 填写。只有浅黄色单元格可以填写，得分按 0.5 分步长校验。交回的评分表在下方“回收评分包”中与评分包一起导入。',
    setupWarning:
      '本轮次尚未下发，指标体系仍可修改；修改后已导出的评分表将被拒收，需要重新导出。建议下发评审包后再导出。',
    panel: '导出“{{panel}}”的全部评分表…',
    expert: '导出…',
    saved: '已保存 {{count}} 个 Excel 评分表。',
    savedIn: '已将 {{count}} 个 Excel 评分表保存到 {{folder}}。',
    skipped: '未导出：{{experts}}',
    internal: '生成评分表时发生内部错误，未保存任何文件，请联系技术支持。',
    columns: {
      panel: '评审组',
      expert: '专家',
      bases: '待评基地',
      action: 'Excel 评分表',
    },
  },
  import: {
    pick: '选择 Excel 评分表…',
    chairButton: '导入 Excel 评分表…',
    title: '导入 Excel 评分表',
    commit: '导入',
    close: '关闭',
    working: '正在读取“{{file}}”…',
    unchanged: '此 Excel 评分表的内容本机已经全部导入过，导入不会有任何更改。',
    done: '已导入：新增 {{added}} 张，更新 {{updated}} 张，未变 {{unchanged}} 张，冲突 {{conflicts}} 项，拒收 {{refused}} 张。',
    signer: 'Excel 评分表 · {{expert}}',
  },
  preview: {
    expert: '专家',
    exportedAt: '导出时间',
    file: '文件 SHA-256',
    device: '来源',
    counts: '评分表',
    sheet: '工作表',
    base: '基地',
    state: '表内状态',
    outcome: '导入结果',
    missing: '缺 {{count}} 项得分',
    states: {
      submitted: '已确认提交',
      draft: '草稿',
      recused: '回避',
    },
  },
};
