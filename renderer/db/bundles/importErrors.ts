// Why an import was refused, as a value: openBundle's typed BundleError, prefixed with the
// file's name, or one of the importer's own refusals (the bundle is valid, but does not fit
// this database). `message` is one Chinese sentence naming the file, `messageEn` the same
// in English; the database is never changed when either is returned.
import { displayName, isBundleErrorCode } from '../../../shared/bundle/errors';
import type {
  BundleError,
  BundleErrorCode,
  BundleErrorDetail,
} from '../../../shared/bundle/errors';
import { isQuotaExceededError } from '../storageErrors';

export type ImportErrorCode =
  | BundleErrorCode
  /** The bundle is for another round than the one on screen. */
  | 'wrongRound'
  /** Signed by another key than the one pinned, and nobody accepted the new key. */
  | 'untrustedKey'
  /** The first key of a panel's device, and nobody ticked that its fingerprint matches. */
  | 'unconfirmedKey'
  /** Scores (or a round bundle) for a round this machine keeps as a read-only archive. */
  | 'archivedRound'
  /** Scores for a round the secretariat closed (结束评估): it takes no score until reopened. */
  | 'closedRound'
  /** Scores for a round this machine does not have. */
  | 'unknownRound'
  /** Scores from a panel the round on this machine does not have. */
  | 'unknownPanel'
  /** A result bundle for a round this machine is working on: it is not an archive here. */
  | 'liveRound'
  /** A round bundle for a round this machine created (the secretariat's own). */
  | 'ownRound'
  /** A result bundle older than the archive already imported from a newer one. */
  | 'olderBundle'
  /** A round bundle older than the one this laptop already took for the same panel. */
  | 'olderRoundBundle'
  /** A record id of the bundle names a record of another round (or another template) here. */
  | 'idCollision'
  /** A backup whose settings rows this app cannot restore. */
  | 'badBackup'
  /** The disk (or the browser's storage quota) is full: the transaction wrote nothing. */
  | 'quota';

export type ImportErrorDetail = BundleErrorDetail & {
  roundId?: string;
  expectedRoundId?: string;
  /** untrustedKey: the pinned key's and the signer's fingerprints. */
  pinnedFingerprint?: string;
  fingerprint?: string;
  /** idCollision / badBackup: the table and record concerned. */
  table?: string;
  /** olderRoundBundle: when the newer round bundle taken here was written. */
  newerCreatedAt?: string;
};

export type ImportError = {
  code: ImportErrorCode;
  message: string;
  messageEn: string;
  detail?: ImportErrorDetail;
};

const fileOf = (fileName: string): { zh: string; en: string } => {
  const name = displayName(fileName);
  return { zh: `文件“${name}”：`, en: `File "${name}": ` };
};

/** openBundle's error, naming the file. */
export function fromBundleError(fileName: string, error: BundleError): ImportError {
  const file = fileOf(fileName);
  return {
    code: error.code,
    message: `${file.zh}${error.message}`,
    messageEn: `${file.en}${error.messageEn}`,
    ...(error.detail === undefined ? {} : { detail: error.detail }),
  };
}

type OwnCode = Exclude<ImportErrorCode, BundleErrorCode>;

const TEXTS: Record<OwnCode, (d: ImportErrorDetail) => { zh: string; en: string }> = {
  wrongRound: (d) => ({
    zh: `属于另一个评估轮次（${d.roundId ?? '?'}），不是当前打开的轮次（${d.expectedRoundId ?? '?'}），未导入任何内容。`,
    en: `it belongs to another round (${d.roundId ?? '?'}) than the one open (${d.expectedRoundId ?? '?'}); nothing was imported.`,
  }),
  untrustedKey: (d) => ({
    zh: `签名密钥（指纹 ${d.fingerprint ?? '?'}）与本机此前信任的密钥（指纹 ${d.pinnedFingerprint ?? '?'}）不同，请核对纸质签字单上的指纹并确认接受新密钥后再导入。`,
    en: `it is signed with key ${d.fingerprint ?? '?'}, not the key trusted before (${d.pinnedFingerprint ?? '?'}); compare the fingerprint with the signed paper summary and accept the new key to import it.`,
  }),
  unconfirmedKey: (d) => ({
    zh: `是评审组设备“${d.record ?? '?'}”的第一个评分包，其签名密钥（指纹 ${d.fingerprint ?? '?'}）尚未核对：请与该评审组签字的纸质汇总单上的指纹核对一致并勾选确认后再导入。`,
    en: `it is the first score bundle from the panel's device "${d.record ?? '?'}", and its key (fingerprint ${d.fingerprint ?? '?'}) has not been checked: compare the fingerprint with the panel's signed paper summary and tick that they match to import it.`,
  }),
  archivedRound: (d) => ({
    zh: `评估轮次“${d.roundId ?? '?'}”在本机是只读的归档轮次，不能再导入评分或任务。`,
    en: `round "${d.roundId ?? '?'}" is a read-only archive on this machine; scores and round bundles cannot be imported into it.`,
  }),
  closedRound: (d) => ({
    zh: `评估轮次“${d.roundId ?? '?'}”已结束评估，不能再导入评分，未导入任何内容；如需补充评分，请先重新开启本轮评估。`,
    en: `round "${d.roundId ?? '?'}" is closed, so it takes no scores; nothing was imported. Reopen the round first to add scores.`,
  }),
  unknownRound: (d) => ({
    zh: `本机没有评估轮次“${d.roundId ?? '?'}”，请先导入该轮次的评审任务包或在秘书处电脑上导入。`,
    en: `round "${d.roundId ?? '?'}" is not on this machine; import its round bundle first, or import on the secretariat's computer.`,
  }),
  unknownPanel: (d) => ({
    zh: `本机的评估轮次“${d.roundId ?? '?'}”中没有评审组“${d.record ?? '?'}”，未导入任何内容。`,
    en: `round "${d.roundId ?? '?'}" on this machine has no panel "${d.record ?? '?'}"; nothing was imported.`,
  }),
  liveRound: (d) => ({
    zh: `本机正在使用评估轮次“${d.roundId ?? '?'}”的工作数据，结果包不能覆盖它。`,
    en: `this machine holds working data of round "${d.roundId ?? '?'}"; a result bundle cannot replace it.`,
  }),
  ownRound: (d) => ({
    zh: `评估轮次“${d.roundId ?? '?'}”是本机创建的，评审任务包只能导入评审组的电脑。`,
    en: `round "${d.roundId ?? '?'}" was created on this machine; round bundles are imported on panel laptops only.`,
  }),
  olderBundle: (d) => ({
    zh: `比本机已导入的同一轮次结果包更旧，未作任何更改。`,
    en: `it is older than the result bundle of round "${d.roundId ?? '?'}" already imported; nothing was changed.`,
  }),
  olderRoundBundle: (d) => ({
    zh: `比本机已导入的本组评审任务包（${d.newerCreatedAt ?? '?'} 生成）更旧，可能是 U 盘上留下的旧文件，未作任何更改；请使用秘书处最新下发的评审任务包。`,
    en: `it is older than the round bundle for this panel already imported here (written ${d.newerCreatedAt ?? '?'}), perhaps an old file left on the stick; nothing was changed. Use the latest bundle from the secretariat.`,
  }),
  idCollision: (d) => ({
    zh: `其中的记录“${d.record ?? '?'}”（${d.table ?? '?'}）与本机另一轮次或另一版本的记录编号相同，未导入任何内容。`,
    en: `its record "${d.record ?? '?'}" (${d.table ?? '?'}) has the id of a different record on this machine; nothing was imported.`,
  }),
  badBackup: (d) => ({
    zh: `备份中的设置“${d.record ?? '?'}”无法恢复，备份可能来自不兼容的版本。`,
    en: `the backup's setting "${d.record ?? '?'}" cannot be restored; the backup may come from an incompatible version.`,
  }),
  quota: () => ({
    zh: `磁盘空间不足，本次导入未写入任何内容，本机原有的数据完好无损，请清理磁盘后重试。`,
    en: `the disk is full, so nothing was imported and the data already on this machine is intact; free some disk space and try again.`,
  }),
};

/** Whether `code` is one an import can answer with (openBundle's or the importer's own). */
export const isImportErrorCode = (code: string): code is ImportErrorCode =>
  isBundleErrorCode(code) || Object.hasOwn(TEXTS, code);

export function importError(
  fileName: string,
  code: OwnCode,
  detail: ImportErrorDetail = {},
): ImportError {
  const safe: ImportErrorDetail = {
    ...detail,
    ...(detail.record === undefined ? {} : { record: displayName(detail.record) }),
    ...(detail.roundId === undefined ? {} : { roundId: displayName(detail.roundId) }),
  };
  const text = TEXTS[code](safe);
  const file = fileOf(fileName);
  return { code, message: `${file.zh}${text.zh}`, messageEn: `${file.en}${text.en}`, detail: safe };
}

/** A failure of the database itself (a bug, a failing platform): the transaction rolled back. */
export function internalImportError(fileName: string): ImportError {
  const file = fileOf(fileName);
  return {
    code: 'internal',
    message: `${file.zh}导入时发生内部错误，数据库未作任何更改，请联系技术支持。`,
    messageEn: `${file.en}an internal error occurred while importing; the database was not changed.`,
  };
}

/** A write transaction that threw (and so rolled back): a full disk, or an internal error. */
export function failedWriteError(fileName: string, error: unknown): ImportError {
  return isQuotaExceededError(error)
    ? importError(fileName, 'quota')
    : internalImportError(fileName);
}
