// The hidden identity sheet: one key per row in column A with its value in B; each base
// sheet is a row `base | sheet name | base id | base code | template id | template version`.
// Every value is written as text, so no spreadsheet turns an id like "0012" into a number.
import { isSha256Hex } from '../bundle/fileHash';
import type { XlsxCell } from '../xlsx/write';
import { LAYOUT_VERSION, WORKBOOK_FORMAT } from './layout';
import type { IdentityBase } from './layout';
import type { WorkbookIdentity } from './types';

const KEYS = [
  'format',
  'layoutVersion',
  'roundId',
  'roundName',
  'expertId',
  'expertName',
  'exportedAt',
  'layoutSha256',
] as const;
type Key = (typeof KEYS)[number];

export function identityRows(identity: WorkbookIdentity): XlsxCell[][] {
  const values: Record<Key, string> = {
    format: WORKBOOK_FORMAT,
    layoutVersion: String(identity.layoutVersion),
    roundId: identity.roundId,
    roundName: identity.roundName,
    expertId: identity.expertId,
    expertName: identity.expertName,
    exportedAt: identity.exportedAt,
    layoutSha256: identity.layoutSha256,
  };
  return [
    ...KEYS.map((key) => [key, values[key]]),
    ...identity.bases.map((b) => [
      'base',
      b.sheetName,
      b.baseId,
      b.baseCode,
      b.templateId,
      String(b.templateVersion),
    ]),
  ];
}

export type IdentityProblem = { problem: string; problemEn: string };

const problem = (zh: string, en: string): IdentityProblem => ({ problem: zh, problemEn: en });

const versionOf = (text: string | undefined): number | undefined =>
  text !== undefined && /^\d{1,9}$/u.test(text.trim()) ? Number(text.trim()) : undefined;

/** The identity, or what is wrong with it (a Chinese and an English phrase). */
export function parseIdentity(rows: readonly string[][]): WorkbookIdentity | IdentityProblem {
  const values = new Map<string, string>();
  const bases: IdentityBase[] = [];
  for (const [index, row] of rows.entries()) {
    const key = (row[0] ?? '').trim();
    if (key === '') continue;
    if (key === 'base') {
      const [, sheetName, baseId, baseCode, templateId, version] = row;
      const templateVersion = versionOf(version);
      if (
        !sheetName ||
        !baseId ||
        baseCode === undefined ||
        !templateId ||
        templateVersion === undefined
      ) {
        return problem(
          `第 ${index + 1} 行的基地信息不完整`,
          `row ${index + 1} lists a base incompletely`,
        );
      }
      bases.push({ sheetName, baseId, baseCode, templateId, templateVersion });
    } else if ((KEYS as readonly string[]).includes(key)) {
      if (values.has(key)) return problem(`“${key}”出现了两次`, `"${key}" appears twice`);
      values.set(key, (row[1] ?? '').trim());
    }
  }
  const missing = KEYS.filter((k) => !values.get(k) && k !== 'roundName' && k !== 'expertName');
  if (missing.length > 0) {
    return problem(`缺少 ${missing.join('、')}`, `${missing.join(', ')} missing`);
  }
  if (values.get('format') !== WORKBOOK_FORMAT) {
    return problem('格式标识不正确', 'the format mark is wrong');
  }
  const layoutVersion = versionOf(values.get('layoutVersion'));
  if (layoutVersion !== LAYOUT_VERSION) {
    return problem(
      `版式版本为 ${values.get('layoutVersion') ?? ''}，本软件只能读取第 ${LAYOUT_VERSION} 版`,
      `layout version ${values.get('layoutVersion') ?? ''}; this app reads version ${LAYOUT_VERSION}`,
    );
  }
  const layoutSha256 = (values.get('layoutSha256') ?? '').toLowerCase();
  if (!isSha256Hex(layoutSha256))
    return problem('版式摘要格式不正确', 'the layout digest is malformed');
  const exportedAt = values.get('exportedAt') ?? '';
  if (!Number.isFinite(Date.parse(exportedAt))) {
    return problem('导出时间格式不正确', 'the export time is malformed');
  }
  if (bases.length === 0) return problem('没有列出任何基地', 'no base is listed');
  const names = new Set(bases.map((b) => b.sheetName));
  const ids = new Set(bases.map((b) => b.baseId));
  if (names.size !== bases.length || ids.size !== bases.length) {
    return problem('基地重复列出', 'a base is listed twice');
  }
  return {
    layoutVersion,
    roundId: values.get('roundId') ?? '',
    roundName: values.get('roundName') ?? '',
    expertId: values.get('expertId') ?? '',
    expertName: values.get('expertName') ?? '',
    exportedAt,
    layoutSha256,
    bases,
  };
}

export const isIdentityProblem = (
  value: WorkbookIdentity | IdentityProblem,
): value is IdentityProblem => 'problem' in value;
