// Strings of the forgotten-PIN reset (renderer/features/scoring/PinResetDialog.tsx).
import { PIN_RESET_REFUSAL_TEXT } from '../../../shared/domain/pinReset';

export const pinResetZhCN = {
  forgot: '忘记 PIN？',
  title: '重置 {{name}} 的 PIN',
  body: '经组长输入其 PIN 确认后，将清除 {{name}} 在本机设置的 PIN，随后可重新设置。评分表不受影响；重置会记入操作日志。',
  bodyChair:
    '{{name}} 是本组组长。组长本人的 PIN 须由本组另一位专家输入其 PIN 确认后才能重置；随后可重新设置。评分表不受影响；重置会记入操作日志。',
  confirmer: '确认人（本组其他专家）',
  confirmerPlaceholder: '请选择确认人',
  chairPin: '组长 {{name}} 的 PIN',
  memberPin: '{{name}} 的 PIN',
  chairNewPinHint:
    '组长 {{name}} 尚未在本机设置 PIN。请组长现在设置 PIN（4–6 位数字，输入两次），设置后即以此 PIN 确认重置；此后在本机切换到组长本人也须输入此 PIN。',
  memberNewPinHint:
    '{{name}} 尚未在本机设置 PIN。请 {{name}} 现在设置 PIN（4–6 位数字，输入两次），设置后即以此 PIN 确认重置；此后在本机切换到 {{name}} 也须输入此 PIN。',
  newPin: '{{name}} 的新 PIN',
  newPinAgain: '再次输入新 PIN',
  mismatch: '两次输入的 PIN 不一致，未重置。',
  reason: '重置原因（必填）',
  reasonPlaceholder: '例如：忘记了 PIN',
  confirm: '确认重置',
  invalidPin: 'PIN 须为 4–6 位数字，未重置。',
  done: '已重置 {{name}} 的 PIN，请设置新的 PIN',
  failed: '重置未完成：{{message}}',
  // The repository's own refusal messages, so the dialog and the stored result say the same.
  refusals: PIN_RESET_REFUSAL_TEXT,
};
