// Strings of the forgotten-PIN reset (renderer/features/scoring/PinResetDialog.tsx).
import { PIN_RESET_REFUSAL_TEXT } from '../../../shared/domain/pinReset';

export const pinResetZhCN = {
  forgot: '忘记 PIN？',
  title: '重置 {{name}} 的 PIN',
  body: '经组长确认后，将清除 {{name}} 在本机设置的 PIN，随后可重新设置。评分表不受影响；重置会记入操作日志。',
  bodyChair:
    '{{name}} 是本组组长。组长本人的 PIN 须由本组另一位专家确认后才能重置；随后可重新设置。评分表不受影响；重置会记入操作日志。',
  confirmer: '确认人（本组其他专家）',
  confirmerPlaceholder: '请选择确认人',
  chairPin: '组长 {{name}} 的 PIN',
  chairName: '请组长 {{name}} 输入本人姓名确认',
  memberPin: '{{name}} 的 PIN',
  memberName: '请 {{name}} 输入本人姓名确认',
  reason: '重置原因（必填）',
  reasonPlaceholder: '例如：忘记了 PIN',
  confirm: '确认重置',
  invalidPin: 'PIN 须为 4–6 位数字',
  done: '已重置 {{name}} 的 PIN，请设置新的 PIN',
  failed: '重置未完成：{{message}}',
  // The repository's own refusal messages, so the dialog and the stored result say the same.
  refusals: PIN_RESET_REFUSAL_TEXT,
};
