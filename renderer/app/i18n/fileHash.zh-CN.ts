// Strings about a bundle file's own SHA-256 (issued list, hand-over sheet, opening a bundle).
export const fileHashZhCN = {
  label: '文件指纹（SHA-256）',
  short: '前 16 位',
  full: '完整值',
  none: '—',
  noneNote: '该评审包下发于记录文件指纹之前，没有可核对的指纹；如需核对，请重新下发。',
  handoverNote:
    '“文件指纹”是每个评审包文件本身的 SHA-256，每个文件各不相同；接收人打开评审包时，请核对软件显示的文件指纹与本单该组一行一致。',
  openedCompare:
    '请与秘书处评审包交接单上本组一行的“文件指纹”核对，应完全一致；不一致请勿导入，并联系秘书处。',
  computing: '正在计算…',
  failed: '无法计算文件指纹：{{message}}',
};
