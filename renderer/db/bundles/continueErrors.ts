// Why 在本机继续 (continue a lost laptop's work here) was refused, as a value: the bundle
// pipeline's own errors (a damaged file, a wrong passphrase), or one sentence of its own
// naming the file. `message` is Chinese, `messageEn` the same in English; nothing is ever
// written when either is returned.
import { displayName } from '../../../shared/bundle/errors';
import { KIND_LABELS } from '../../../shared/bundle/format';
import type { BundleKind } from '../../../shared/domain/types';
import type { ImportError, ImportErrorCode } from './importErrors';

export type ContinueRefusalCode =
  /** A round or result bundle was given: only a score bundle or a backup can be continued. */
  | 'notContinuable'
  /** No round is open on this laptop (its round bundle was never opened here). */
  | 'noRoundHere'
  /** The file belongs to another round than the one open here. */
  | 'otherRound'
  /** The file's panel (or, for a backup, every panel it holds) is not open on this laptop. */
  | 'otherPanel'
  /** The file was written by this very laptop. */
  | 'sameDevice'
  /** The round was closed (结束评估): no score may change. */
  | 'roundClosed'
  /** Not one sheet of the file can continue here. */
  | 'nothingToContinue'
  /** The lost laptop's key is new here, and nobody ticked that its fingerprint matches. */
  | 'keyNotConfirmed';

/** Confirmation without a reason, or without the person doing it. */
export type ContinueFormCode = 'noReason' | 'noActor';

export type ContinueErrorCode = ImportErrorCode | ContinueRefusalCode | ContinueFormCode;

export type ContinueError = {
  code: ContinueErrorCode;
  message: string;
  messageEn: string;
};

export type ContinueRefusalDetail = {
  kind?: BundleKind;
  /** Round or panel names (or ids) the sentence names. */
  name?: string;
  expected?: string;
  deviceId?: string;
  fingerprint?: string;
};

type Text = { zh: string; en: string };

const TEXTS: Record<ContinueRefusalCode, (d: ContinueRefusalDetail) => Text> = {
  notContinuable: (d) => ({
    zh: `这是${d.kind ? KIND_LABELS[d.kind].zh : '其他数据包'}，在本机继续需要丢失的那台电脑最后导出的评分数据包或备份包，未作任何更改。`,
    en: `this is a ${d.kind ? KIND_LABELS[d.kind].en : 'different bundle'}; continuing here needs the last score bundle or backup of the lost laptop, so nothing was changed.`,
  }),
  noRoundHere: () => ({
    zh: `本机还没有打开本组的评审任务包，请先打开评审任务包再在本机继续，未作任何更改。`,
    en: `no round is open on this laptop; open the panel's round bundle first, then continue here. Nothing was changed.`,
  }),
  otherRound: (d) => ({
    zh: `它属于另一个评估轮次（${d.name ?? '?'}），不是本机打开的“${d.expected ?? '?'}”，未作任何更改。`,
    en: `it belongs to another round (${d.name ?? '?'}) than the one open here ("${d.expected ?? '?'}"); nothing was changed.`,
  }),
  otherPanel: (d) => ({
    zh: `它属于评审组“${d.name ?? '?'}”，本机打开的是“${d.expected ?? '?'}”的评审任务包，未作任何更改。`,
    en: `it belongs to panel "${d.name ?? '?'}", while this laptop holds the round bundle of "${d.expected ?? '?'}"; nothing was changed.`,
  }),
  sameDevice: (d) => ({
    zh: `它是本机自己（设备 ${d.deviceId ?? '?'}）写出的，本机的评分表已在这里，无需继续，未作任何更改。`,
    en: `it was written by this very laptop (device ${d.deviceId ?? '?'}), whose sheets are already here; nothing was changed.`,
  }),
  roundClosed: (d) => ({
    zh: `评估轮次“${d.expected ?? '?'}”已结束评估，不能再在本机继续评分，未作任何更改。`,
    en: `round "${d.expected ?? '?'}" is closed, so no sheet can continue here; nothing was changed.`,
  }),
  keyNotConfirmed: (d) => ({
    zh: `它的签名密钥（指纹 ${d.fingerprint ?? '?'}）是设备“${d.deviceId ?? '?'}”在本机的第一个密钥，尚未核对：请与评审组签字的纸质汇总单上的指纹核对一致并勾选确认后再继续。`,
    en: `its key (fingerprint ${d.fingerprint ?? '?'}) is the first one of device "${d.deviceId ?? '?'}" seen here and has not been checked: compare it with the panel's signed paper summary and tick that they match to continue.`,
  }),
  nothingToContinue: () => ({
    zh: `其中没有可在本机继续的评分表（全部被拒收或与本机的修改并行），未作任何更改。`,
    en: `it holds no sheet that can continue here (every one is refused or concurrent with an edit here); nothing was changed.`,
  }),
};

const FORM_TEXTS: Record<ContinueFormCode, Text> = {
  noReason: {
    zh: '请填写在本机继续的原因（不超过 2000 字），未作任何更改。',
    en: 'Please give the reason for continuing here (at most 2,000 characters); nothing was changed.',
  },
  noActor: {
    zh: '请填写操作人（谁在本机继续，不超过 200 字），未作任何更改。',
    en: 'Please give who continues the work here (at most 200 characters); nothing was changed.',
  },
};

/** A refusal of the confirmation form (about the dialog, not the file). */
export function continueFormError(code: ContinueFormCode): ContinueError {
  const text = FORM_TEXTS[code];
  return { code, message: text.zh, messageEn: text.en };
}

const safe = (text: string | undefined): string | undefined =>
  text === undefined ? undefined : displayName(text);

/** One sentence naming the file, in Chinese and English. */
export function continueError(
  fileName: string,
  code: ContinueRefusalCode,
  detail: ContinueRefusalDetail = {},
): ContinueError {
  const text = TEXTS[code]({
    ...detail,
    ...(detail.name === undefined ? {} : { name: safe(detail.name) }),
    ...(detail.expected === undefined ? {} : { expected: safe(detail.expected) }),
    ...(detail.deviceId === undefined ? {} : { deviceId: safe(detail.deviceId) }),
    ...(detail.fingerprint === undefined ? {} : { fingerprint: safe(detail.fingerprint) }),
  });
  const name = displayName(fileName);
  return {
    code,
    message: `文件“${name}”：${text.zh}`,
    messageEn: `File "${name}": ${text.en}`,
  };
}

/** The pipeline's error as a continue refusal (its sentence unchanged). */
export const fromImportError = (error: ImportError): ContinueError => ({
  code: error.code,
  message: error.message,
  messageEn: error.messageEn,
});
