// Strings of trust in panel keys: ticking a panel laptop's key after comparing its fingerprint
// with the panel's signed paper summary (import dialog, batch import), and the secretariat's
// trust file and printed list (renderer/features/secretariat/exchange/Trust*.tsx).
export const trustZhCN = {
  operator: '核对人',
  operatorPlaceholder: '核对指纹的人的姓名',
  import: {
    newKeyTitle: '首次收到该评审组设备的签名密钥，请先核对指纹',
    confirmNew: '我已将指纹 {{fingerprint}} 与评审组签字的纸质汇总单核对，两者一致',
    needTick: '勾选指纹核对结果后才能导入。',
    needOperator: '请填写核对人的姓名：信任的密钥会记下由谁、何时核对。',
  },
  batch: {
    title: '核对评审组签名密钥',
    intro:
      '以下签名密钥是本机第一次收到的（或与此前信任的不同）。请将每个指纹与该评审组签字的纸质汇总单上的指纹核对，一致后勾选；同一密钥签名的多个文件只需勾选一次。未勾选的密钥签名的文件不会导入。',
    panel: '评审组',
    device: '设备',
    fingerprint: '指纹',
    files: '文件',
    check: '核对',
    fileList: '第 {{list}} 个',
    statuses: { newDevice: '新设备密钥', mismatch: '密钥已变更' },
    pinnedBefore: '此前信任：{{fingerprint}}',
    confirm: '与纸质汇总单一致',
    waitingKeys:
      '还有 {{count}} 个签名密钥未核对（{{keys}}）：请逐一核对并勾选，或不导入这些密钥签名的文件。',
    needOperator: '请填写核对人的姓名：信任的密钥会记下由谁、何时核对。',
    rowPending: '密钥待核对',
    rowConfirmed: '密钥已核对',
    skippedKeyUnconfirmed: '签名密钥未核对，未导入',
  },
  keys: {
    title: '信任的评审组密钥',
    intro:
      '本机核对后信任的每台评审组电脑的签名密钥。导出的信任文件（.pgtrust.json）可交给命令行：pinggu merge --trust 信任文件 只合并这些密钥签名的评分包；清单可打印存档。',
    panel: '评审组',
    device: '设备',
    fingerprint: '指纹',
    pinnedAt: '核对时间',
    pinnedBy: '核对人',
    state: '状态',
    confirmed: '已核对',
    unconfirmed: '未经核对',
    unconfirmedNote: '{{count}} 个密钥未经人工核对指纹，不写入信任文件，也不打印在清单上。',
    empty: '还没有信任的评审组密钥：导入评分包并核对指纹后会列在这里。',
    export: '导出信任文件',
    print: '打印信任密钥清单',
    nothing: '没有已核对的密钥，无法导出信任文件。',
    saved: '信任文件已保存：{{name}}',
    failed: '信任文件未能保存：{{reason}}',
  },
  print: {
    title: '评审组签名密钥信任清单',
    round: '评估轮次：{{name}}（{{id}}）',
    index: '序号',
    note: '每个指纹均已由核对人与该评审组签字的纸质汇总单核对一致。命令行合并时使用同一内容的信任文件：pinggu merge --trust 信任文件。',
    empty: '没有已核对的密钥。',
    signature: '秘书处负责人签字：',
    date: '日期：',
    printedAt: '打印时间：{{at}}',
  },
};
