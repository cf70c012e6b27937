// Every way opening (or writing) a bundle can fail, as a typed value: a code the UI and CLI
// switch on, one Chinese sentence a secretariat clerk understands, the same in English
// for the CLI and logs, and where it helps the entry, record and field concerned. The UI
// names the file itself (`文件“x.pgb”：${message}`); messages never contain a stack trace.
import type { BundleKind } from '../domain/types';
import { KIND_LABELS } from './format';

export type BundleErrorCode =
  | 'notZip' // not a zip at all
  | 'empty' // zero bytes, or a zip with no entries
  | 'truncated' // starts like a zip but its end is missing or cut short
  | 'corrupt' // zip structure inconsistent, CRC wrong, or re-packed by other software
  | 'unsupportedZip' // zip encryption, ZIP64 or a compression method other than stored/deflate
  | 'tooLarge' // the file, or an entry's stated size, is over the limit
  | 'tooManyEntries'
  | 'zipBomb' // an entry inflates past its stated size or an implausible ratio
  | 'badEntryName' // `..`, absolute, backslash, drive letter, control characters
  | 'duplicateEntry'
  | 'unknownEntry' // a name outside the allow-list for this kind
  | 'missingEntry'
  | 'badManifest' // manifest.json unreadable, not canonical, or against its schema
  | 'hashMismatch'
  | 'missingSignature'
  | 'badSignature'
  | 'newerVersion' // written by a newer app: "please upgrade"
  | 'wrongKind' // a valid bundle, but not the kind this screen takes
  | 'passphraseRequired'
  | 'wrongPassphrase'
  | 'schema' // a payload record breaks its schema (detail names entry, record, field)
  | 'internal'; // a bug or a platform failure; never expected

export type BundleErrorDetail = {
  /** The zip entry concerned, e.g. `scoresheets.json`. */
  path?: string;
  /** Dotted path of the field within the record, e.g. `scores.A1-1-1`. */
  field?: string;
  /** The record's id, when it has one. */
  record?: string;
  /** The record's position in its entry, from 0. */
  index?: number;
  /** newerVersion: the bundle's format version. */
  version?: number;
  /** wrongKind: the bundle's kind and the kinds this caller accepts. */
  kind?: BundleKind;
  expectedKinds?: readonly BundleKind[];
  /** tooLarge / tooManyEntries: the limit that was exceeded. */
  limit?: number;
};

export type BundleError = {
  code: BundleErrorCode;
  /** One sentence in Chinese for the clerk. */
  message: string;
  /** The same in English, for the CLI and logs. */
  messageEn: string;
  detail?: BundleErrorDetail;
};

/** Thrown by createBundle when asked to write something no reader would accept. */
export class BundleWriteError extends Error {
  override readonly name = 'BundleWriteError';
  constructor(readonly error: BundleError) {
    super(error.messageEn);
  }
}

const MIB = 1024 * 1024;

/** Entry names come from the file: show them safely and briefly. */
export function displayName(name: string): string {
  const printable = name.replace(/[^\x20-\x7e\u4e00-\u9fff]/g, '?');
  return printable.length > 80 ? `${printable.slice(0, 77)}...` : printable;
}

type Text = { zh: string; en: string };

const kindZh = (kind: BundleKind): string => KIND_LABELS[kind].zh;
const kindEn = (kind: BundleKind): string => KIND_LABELS[kind].en;

const MESSAGES: Record<Exclude<BundleErrorCode, 'schema'>, (d: BundleErrorDetail) => Text> = {
  notZip: () => ({
    zh: '这不是评估通数据包（.pgb），文件格式无法识别。',
    en: 'This is not a Pinggu bundle (.pgb): the file format is not recognised.',
  }),
  empty: () => ({ zh: '文件是空的，不是有效的评估通数据包。', en: 'The file is empty.' }),
  truncated: () => ({
    zh: '文件不完整（可能在复制时中断），请重新复制一份。',
    en: 'The file is incomplete (probably cut off while copying); copy it again.',
  }),
  corrupt: () => ({
    zh: '数据包已损坏或被其他软件改动过，请向发送方重新索取。',
    en: 'The bundle is damaged or was re-packed by other software; ask the sender for a new copy.',
  }),
  unsupportedZip: () => ({
    zh: '数据包使用了评估通不支持的压缩或加密方式，不是评估通生成的文件。',
    en: 'The bundle uses a zip feature Pinggu does not support (zip encryption, ZIP64 or an unknown compression method).',
  }),
  tooLarge: (d) => {
    const mb = Math.round((d.limit ?? 0) / MIB);
    return d.path === undefined
      ? {
          zh: `文件过大（超过 ${mb} MB），无法打开。`,
          en: `The file is over ${mb} MB and cannot be opened.`,
        }
      : {
          zh: `数据包中的“${d.path}”解压后超过 ${mb} MB，无法打开。`,
          en: `"${d.path}" would inflate to more than ${mb} MB; refused.`,
        };
  },
  tooManyEntries: (d) => ({
    zh: `数据包中的文件超过 ${d.limit ?? 0} 个，不是有效的评估通数据包。`,
    en: `The bundle holds more than ${d.limit ?? 0} entries; refused.`,
  }),
  zipBomb: (d) => ({
    zh: `数据包中的“${d.path ?? ''}”解压后大小异常，可能是恶意文件，已拒绝打开。`,
    en: `"${d.path ?? ''}" inflates beyond its stated size or a plausible ratio (a zip bomb); refused.`,
  }),
  badEntryName: (d) => ({
    zh: `数据包中含有不安全的文件名“${d.path ?? ''}”，已拒绝打开。`,
    en: `The bundle contains an unsafe entry name "${d.path ?? ''}"; refused.`,
  }),
  duplicateEntry: (d) => ({
    zh: `数据包中的“${d.path ?? ''}”出现了不止一次，已拒绝打开。`,
    en: `The entry "${d.path ?? ''}" appears more than once; refused.`,
  }),
  unknownEntry: (d) => ({
    zh: `数据包中含有不应出现的内容“${d.path ?? ''}”，已拒绝打开。`,
    en: `The bundle contains an entry that does not belong in it: "${d.path ?? ''}".`,
  }),
  missingEntry: (d) =>
    d.path === 'manifest.json'
      ? {
          zh: '这不是评估通数据包：缺少说明文件 manifest.json。',
          en: 'This is not a Pinggu bundle: manifest.json is missing.',
        }
      : {
          zh: `数据包不完整：缺少“${d.path ?? ''}”。`,
          en: `The bundle is incomplete: "${d.path ?? ''}" is missing.`,
        },
  badManifest: (d) => ({
    zh: `数据包的说明文件 manifest.json 无效${d.field ? `（字段“${d.field}”）` : ''}，文件已损坏或不是评估通生成的。`,
    en: `The manifest (manifest.json) is not valid${d.field ? ` (field "${d.field}")` : ''}: the file is damaged or was not made by Pinggu.`,
  }),
  hashMismatch: (d) => ({
    zh: `数据包中的“${d.path ?? ''}”与记录的校验值不符，文件已被改动或损坏。`,
    en: `"${d.path ?? ''}" does not match its SHA-256 in the manifest: the file was altered or damaged.`,
  }),
  missingSignature: () => ({
    zh: '数据包没有签名，无法确认它来自哪台设备，已拒绝打开。',
    en: 'The bundle is not signed, so its origin cannot be checked; refused.',
  }),
  badSignature: () => ({
    zh: '数据包的签名无效：文件在签名后被改动过，或签名已损坏。',
    en: 'The signature is not valid: the bundle was changed after signing or the signature is damaged.',
  }),
  newerVersion: (d) => ({
    zh: `此数据包由更新版本的评估通生成（格式版本 ${d.version ?? '?'}），请升级评估通后再打开。`,
    en: `This bundle was made by a newer Pinggu (format version ${d.version ?? '?'}); please upgrade Pinggu.`,
  }),
  wrongKind: (d) => {
    const expected = d.expectedKinds ?? [];
    if (d.kind === 'registry') {
      // Only the secretariat's round wizard takes the department's registry bundle.
      return {
        zh: `这是${kindZh('registry')}，不能在此导入，请在秘书处「新建评估轮次」中使用。`,
        en: `This is a ${kindEn('registry')} from the department; it cannot be imported here: use it in the secretariat's new round wizard (新建评估轮次).`,
      };
    }
    return {
      zh: `这是${d.kind ? kindZh(d.kind) : '其他数据包'}，此处需要${expected.map(kindZh).join('或')}。`,
      en: `This is a ${d.kind ? kindEn(d.kind) : 'different bundle'}; a ${expected.map(kindEn).join(' or ')} is needed here.`,
    };
  },
  passphraseRequired: () => ({
    zh: '此数据包已加密，请输入发送方告知的口令。',
    en: 'This bundle is encrypted: enter the passphrase the sender gave you.',
  }),
  wrongPassphrase: () => ({
    zh: '口令不正确，无法解密此数据包。',
    en: 'The passphrase is wrong; the bundle cannot be decrypted.',
  }),
  internal: () => ({
    zh: '打开数据包时发生内部错误，请联系技术支持。',
    en: 'An internal error occurred while opening the bundle.',
  }),
};

export const isBundleErrorCode = (value: unknown): value is BundleErrorCode =>
  value === 'schema' || (typeof value === 'string' && Object.hasOwn(MESSAGES, value));

export function bundleError(
  code: Exclude<BundleErrorCode, 'schema'>,
  detail?: BundleErrorDetail,
): BundleError {
  const safe = detail?.path === undefined ? detail : { ...detail, path: displayName(detail.path) };
  const text = MESSAGES[code](safe ?? {});
  return safe === undefined
    ? { code, message: text.zh, messageEn: text.en }
    : { code, message: text.zh, messageEn: text.en, detail: safe };
}

/** A payload record that breaks its schema: which entry, which record, which field, and why. */
export function schemaError(
  entry: { path: string; label: Text },
  at: { index?: number; record?: string; field?: string },
  problem: Text,
): BundleError {
  const record = at.record === undefined ? undefined : displayName(at.record);
  const field = at.field === undefined || at.field === '' ? undefined : displayName(at.field);
  const position = at.index === undefined ? '' : `第 ${at.index + 1} 条记录`;
  const positionEn = at.index === undefined ? '' : ` record ${at.index + 1}`;
  const id = record === undefined ? '' : `（${record}）`;
  const idEn = record === undefined ? '' : ` (${record})`;
  const where = field === undefined ? '' : `的字段“${field}”`;
  const whereEn = field === undefined ? '' : `, field "${field}",`;
  const detail: BundleErrorDetail = {
    path: entry.path,
    ...(at.index === undefined ? {} : { index: at.index }),
    ...(record === undefined ? {} : { record }),
    ...(field === undefined ? {} : { field }),
  };
  return {
    code: 'schema',
    message: `数据包中“${entry.label.zh}”${position}${id}${where}${problem.zh}。`,
    messageEn: `In ${entry.label.en} (${entry.path})${positionEn}${idEn}${whereEn} ${problem.en}.`,
    detail,
  };
}
