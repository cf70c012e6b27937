// Schema violations inside a correctly signed bundle: the error names the entry, the record
// (position and id) and the field, so a clerk can tell the sender exactly what is wrong.
import { beforeAll, describe, expect, it } from 'vitest';
import { openBundle } from '../../../shared/bundle/bundle';
import type { BundleError } from '../../../shared/bundle/errors';
import { craftBundle, makeBundle, partsOf, testCrypto } from '../../helpers/bundleBuilders';

let parts: ReturnType<typeof partsOf>;
let sheets: Array<Record<string, unknown>>;

beforeAll(async () => {
  parts = partsOf((await makeBundle('scores')).bytes);
  sheets = parts.payload['scoresheets.json'] as Array<Record<string, unknown>>;
});

const text = (value: string) => new TextEncoder().encode(value);

async function schemaErrorFor(entries: Record<string, unknown>): Promise<BundleError> {
  const bytes = await craftBundle({
    manifest: parts.manifest,
    payload: { ...parts.payload, ...entries },
  });
  const result = await openBundle(bytes, { crypto: testCrypto });
  if (result.ok) throw new Error('the bundle was accepted');
  expect(result.error.code).toBe('schema');
  return result.error;
}

const sheetId = (index: number): string => String(sheets[index]?.id);

describe('schema errors name entry, record and field', () => {
  it('names the scoresheet and score that is not a number', async () => {
    const broken = sheets.map((s, i) => (i === 1 ? { ...s, scores: { 'A1-1-1': '九十' } } : s));
    const error = await schemaErrorFor({ 'scoresheets.json': broken });
    expect(error.detail).toEqual({
      path: 'scoresheets.json',
      index: 1,
      record: sheetId(1),
      field: 'scores.A1-1-1',
    });
    expect(error.message).toBe(
      `数据包中“评分表”第 2 条记录（${sheetId(1)}）的字段“scores.A1-1-1”类型不正确，应为数字。`,
    );
    expect(error.messageEn).toContain('scores.A1-1-1');
  });

  it('names a field the schema does not know', async () => {
    const broken = sheets.map((s, i) => (i === 0 ? { ...s, secretNote: 'x' } : s));
    const error = await schemaErrorFor({ 'scoresheets.json': broken });
    expect(error.detail).toMatchObject({ index: 0, field: 'secretNote' });
    expect(error.message).toContain('是未知字段');
  });

  it('names a missing field', async () => {
    const broken = sheets.map((s, i) => {
      if (i !== 2) return s;
      const { hlc: _hlc, ...rest } = s;
      return rest;
    });
    const error = await schemaErrorFor({ 'scoresheets.json': broken });
    expect(error.detail).toMatchObject({ index: 2, record: sheetId(2), field: 'hlc' });
    expect(error.message).toContain('缺失');
  });

  it('refuses a malformed clock timestamp', async () => {
    const broken = sheets.map((s, i) => (i === 0 ? { ...s, hlc: '2024-05-10T09:00:00Z' } : s));
    const error = await schemaErrorFor({ 'scoresheets.json': broken });
    expect(error.detail).toMatchObject({ index: 0, field: 'hlc' });
  });

  it('refuses a record of another round', async () => {
    const broken = sheets.map((s, i) => (i === 3 ? { ...s, roundId: 'round-elsewhere' } : s));
    const error = await schemaErrorFor({ 'scoresheets.json': broken });
    expect(error.detail).toMatchObject({ index: 3, field: 'roundId' });
    expect(error.message).toContain('不属于本数据包的评估轮次');
  });

  it('refuses two records with the same id', async () => {
    const first = sheets[0] ?? {};
    const error = await schemaErrorFor({ 'scoresheets.json': [...sheets, { ...first }] });
    expect(error.detail).toMatchObject({ index: sheets.length, field: 'id' });
    expect(error.message).toContain('重复');
  });

  it('refuses an entry that is not JSON', async () => {
    const error = await schemaErrorFor({ 'audit.json': text('[{"at": ') });
    expect(error.detail).toEqual({ path: 'audit.json' });
    expect(error.message).toContain('不是有效的 JSON');
  });
});

describe('__proto__ and friends never reach the app', () => {
  const withKey = (key: string, where: 'scores' | 'comments' | 'top') => {
    const json = JSON.stringify(sheets);
    const insert =
      where === 'top'
        ? (s: string) => s.replace('[{', `[{"${key}":{"polluted":true},`)
        : (s: string) => s.replace(`"${where}":{`, `"${where}":{"${key}":1,`);
    return text(insert(json));
  };

  it('refuses a __proto__ score, naming the sheet', async () => {
    const error = await schemaErrorFor({ 'scoresheets.json': withKey('__proto__', 'scores') });
    expect(error.detail).toMatchObject({ index: 0, record: sheetId(0), field: 'scores.__proto__' });
    expect(error.message).toContain('不允许的字段名');
  });

  it('refuses a constructor comment', async () => {
    const error = await schemaErrorFor({ 'scoresheets.json': withKey('constructor', 'comments') });
    expect(error.detail).toMatchObject({ index: 0, field: 'comments.constructor' });
  });

  it('refuses a __proto__ member of a record', async () => {
    const error = await schemaErrorFor({ 'scoresheets.json': withKey('__proto__', 'top') });
    expect(error.detail).toMatchObject({ index: 0, field: '__proto__' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a __proto__ key in the manifest', async () => {
    const bytes = await craftBundle({
      ...parts,
      manifestBytes: (m) => text(JSON.stringify(m).replace('{', '{"__proto__":{"x":1},')),
    });
    const result = await openBundle(bytes, { crypto: testCrypto });
    expect(result.ok || result.error).toMatchObject({
      code: 'badManifest',
      detail: { field: '__proto__' },
    });
  });
});
