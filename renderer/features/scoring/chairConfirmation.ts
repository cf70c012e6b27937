// The panel chair's confirmation of a reopen (退回修改): by the chair's PIN when one is set,
// otherwise by the chair typing their name. The audit note records who confirmed and how.
import { namesMatch } from '../../../shared/domain/pinReset';

export type ConfirmMethod = 'pin' | 'name';

/** Names compare without any whitespace (half- or full-width), as people type them. */
export function matchesChairName(typed: string, chairName: string): boolean {
  return namesMatch(typed, chairName);
}

/** The audit note of a reopen; stored data, so always in Chinese. */
export function reopenNote(chairName: string, method: ConfirmMethod, reason: string): string {
  const how = method === 'pin' ? '组长 PIN 验证' : '组长输入姓名确认';
  return `组长${chairName}确认退回（${how}）；退回原因：${reason.trim()}`;
}
