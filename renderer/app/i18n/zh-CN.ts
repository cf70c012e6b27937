// Simplified Chinese catalogue: the product's primary language. Every UI string lives here
// and in en.ts, which must provide the same keys (checked by the type of `Catalogue`).
// Large areas keep their strings in their own pair of files (scoring.zh-CN.ts, scoring.en.ts).
import { assignmentZhCN } from './assignment.zh-CN';
import { backupsZhCN } from './backups.zh-CN';
import { dashboardZh } from './dashboard.zh-CN';
import { resultsZhCN } from './results.zh-CN';
import { reportZhCN } from './report.zh-CN';
import { exchangeZhCN } from './exchange.zh-CN';
import { scoringZhCN } from './scoring.zh-CN';
import { setupZhCN } from './setup.zh-CN';
import { rosterZhCN } from './roster.zh-CN';
import { routeLoadZhCN } from './routeLoad.zh-CN';
import { pinResetZhCN } from './pinReset.zh-CN';
import { fileHashZhCN } from './fileHash.zh-CN';
import { concordanceZhCN } from './concordance.zh-CN';
import { continueZhCN } from './continue.zh-CN';
import { voidedZhCN } from './voided.zh-CN';
import { changesZhCN } from './changes.zh-CN';
import { closingZhCN } from './closing.zh-CN';
import { trustZhCN } from './trust.zh-CN';
import { spreadsheetZhCN } from './spreadsheet.zh-CN';
import { workbookZhCN } from './workbook.zh-CN';
import { registryZhCN } from './registry.zh-CN';
import { cycleZhCN } from './cycle.zh-CN';

export const zhCN = {
  app: {
    name: '评估通',
    subtitle: '辽宁省科技创新基地专家评估',
    offline: '离线可用',
    language: '语言',
    demoBadge: '演示数据',
  },
  nav: {
    home: '首页',
    secretariat: '秘书处',
    scoring: '专家评分',
    dashboard: '组长看板',
    about: '关于',
  },
  home: {
    title: '当前评估轮次',
    noRoundTitle: '还没有评估轮次',
    noRoundBody:
      '秘书处可以新建评估轮次并导入基地名单；第一次使用时，也可以先加载内置的演示轮次，看看一个完整的评估是什么样子。',
    loadDemo: '加载演示轮次',
    loadingDemo: '正在加载演示轮次…',
    demoLoaded: '演示轮次已加载',
    demoFailed: '演示轮次加载失败：{{message}}',
    removeDemo: '删除演示轮次',
    removeDemoConfirm: '删除演示轮次及其全部评分数据？此操作不能撤销。',
    demoRemoved: '演示轮次已删除',
    bases: '基地',
    panels: '专家组',
    experts: '专家',
    sheetsSubmitted: '已提交评分表',
    progress: '评分进度',
    progressDetail:
      '应评 {{expected}} 份：已提交 {{submitted}}，草稿 {{draft}}，回避 {{recused}}，未开始 {{notStarted}}',
    byType: '按基地类型',
    type: '基地类型',
    category: '类别',
    count: '数量',
    submitted: '已提交',
    draft: '草稿',
    recused: '回避',
    notStarted: '未开始',
    round: '轮次',
    year: '年度',
    evaluationType: '评估类型',
    rule: '汇总规则',
    switchRound: '切换轮次',
  },
  evaluationType: {
    integration: '优化整合评估',
    periodic: '定期评估',
  },
  aggregation: {
    mean: '算术平均',
    median: '中位数',
    trimmedMean: '去掉一个最高分和一个最低分后平均',
    zScore: '专家标准化（Z 分数）',
    trimmedRule: '去掉最高分和最低分各 {{count}} 个（有效评分表不少于 {{min}} 份时），否则算术平均',
  },
  secretariat: {
    title: '秘书处',
    intro: '本轮次的基地名单、专家组与专家。',
    basesTab: '基地名单',
    panelsTab: '专家组与专家',
    name: '基地名称',
    type: '基地类型',
    legacyType: '原基地类型',
    host: '依托单位',
    city: '所在地市',
    director: '负责人',
    year: '批建年份',
    field: '所属领域',
    panel: '专家组',
    expertName: '姓名',
    institution: '工作单位',
    expertTitle: '职称',
    chair: '组长',
    assignedBases: '评审基地数',
    filterType: '全部类型',
    filterCity: '全部地市',
    search: '搜索基地名称或依托单位',
  },
  scoring: scoringZhCN,
  dashboard: dashboardZh,
  backups: backupsZhCN,
  assignment: assignmentZhCN,
  setup: setupZhCN,
  roster: rosterZhCN,
  results: resultsZhCN,
  report: reportZhCN,
  exchange: exchangeZhCN,
  routeLoad: routeLoadZhCN,
  pinReset: pinResetZhCN,
  fileHash: fileHashZhCN,
  concordance: concordanceZhCN,
  continue: continueZhCN,
  voided: voidedZhCN,
  changes: changesZhCN,
  closing: closingZhCN,
  trust: trustZhCN,
  spreadsheet: spreadsheetZhCN,
  workbook: workbookZhCN,
  registry: registryZhCN,
  cycle: cycleZhCN,
  grade: {
    excellent: '优秀',
    good: '良好',
    pass: '合格',
    fail: '不合格',
  },
  about: {
    title: '关于评估通',
    version: '版本',
    platform: '运行环境',
    platformElectron: '桌面应用（Electron）',
    platformBrowser: '浏览器（离线网页）',
    dataFolder: '数据目录',
    dataFolderBrowser: '浏览器本地存储（IndexedDB）',
    persistence: '存储持久化',
    persisted: '已授予：浏览器不会自动清除本应用数据',
    notPersisted: '未授予：磁盘空间紧张时浏览器可能清除数据，请定期导出备份',
    persistenceUnknown: '此浏览器不支持查询',
    deviceId: '本机设备编号',
  },
  common: {
    loading: '加载中…',
    cancel: '取消',
    confirm: '确定',
    none: '无',
    all: '全部',
    yes: '是',
    no: '否',
    savePdf: '保存为 PDF',
    pdfSaved: 'PDF 已保存',
    pdfFailed: 'PDF 保存失败：{{message}}',
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Catalogue = Widen<typeof zhCN>;
