// Validating parsed payload entries against their schemas and turning the first problem
// into a schema error that names the entry, the record (position and id) and the field,
// in words a clerk can pass on ("评分表第 3 条记录（sheet-7）的字段“scores.A1-1”应为数字").
import type { z } from 'zod';
import type { BundleKind } from '../domain/types';
import { PAYLOAD_KEYS, PAYLOAD_KEYS_BY_KIND, PAYLOAD_LABELS, payloadEntryName } from './format';
import type { PayloadKey } from './format';
import { schemaError } from './errors';
import type { BundleError } from './errors';
import type { JsonPath } from './json';
import { crossRecordProblem, PAYLOAD_SCHEMAS } from './payload';
import type { PayloadByKind } from './payload';

type Text = { zh: string; en: string };

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是/否',
  object: '对象',
  record: '对象',
  array: '列表',
  null: '空值',
};

/** The problem in a zod issue, as the end of a sentence; `isPresent`: the value exists. */
export function issueText(issue: z.core.$ZodIssue, isPresent: boolean): Text {
  switch (issue.code) {
    case 'invalid_type':
      return !isPresent
        ? { zh: '缺失', en: 'is missing' }
        : {
            zh: `类型不正确，应为${TYPE_NAMES[issue.expected] ?? issue.expected}`,
            en: `has the wrong type (expected ${issue.expected})`,
          };
    case 'too_big':
      return {
        zh: '过长或过大',
        en: `is too long or too large (at most ${String(issue.maximum)})`,
      };
    case 'too_small':
      return {
        zh: '为空、过短或过小',
        en: `is empty, too short or too small (at least ${String(issue.minimum)})`,
      };
    case 'invalid_format':
      return { zh: '格式不正确', en: `is not a valid ${issue.format}` };
    case 'invalid_value':
      return {
        zh: `取值不在允许范围内（${issue.values.map(String).join('、')}）`,
        en: `must be one of ${issue.values.map(String).join(', ')}`,
      };
    case 'unrecognized_keys':
      return { zh: '是未知字段', en: 'is not a known field' };
    case 'invalid_key':
      return { zh: '是不允许的名称', en: 'is not an allowed key' };
    case 'invalid_union':
      return { zh: '不符合任何允许的形式', en: 'matches none of the allowed shapes' };
    default:
      return { zh: '不符合要求', en: issue.message };
  }
}

/** `primaries[0].children[2].maxPoints` */
export function fieldPath(path: JsonPath): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
}

const recordId = (record: unknown, key: PayloadKey): string | undefined => {
  if (typeof record !== 'object' || record === null) return undefined;
  const id: unknown = Reflect.get(record, key === 'settings' ? 'key' : 'id');
  return typeof id === 'string' && id !== '' ? id : undefined;
};

/** Locates a problem at `path` inside entry `key` (whose parsed value is `raw`). */
export function payloadProblem(
  key: PayloadKey,
  raw: unknown,
  path: JsonPath,
  problem: Text,
): BundleError {
  const entry = { path: payloadEntryName(key), label: PAYLOAD_LABELS[key] };
  const [first, ...rest] = path;
  if (Array.isArray(raw) && typeof first === 'number') {
    const record = recordId(raw[first], key);
    return schemaError(
      entry,
      { index: first, field: fieldPath(rest), ...(record === undefined ? {} : { record }) },
      problem,
    );
  }
  const record = Array.isArray(raw) ? undefined : recordId(raw, key);
  return schemaError(
    entry,
    { field: fieldPath(path), ...(record === undefined ? {} : { record }) },
    problem,
  );
}

/** Where an issue is, down to the unknown key for unrecognized_keys. */
export function issueLocation(issue: z.core.$ZodIssue): JsonPath {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) {
    return [...path, issue.keys[0]];
  }
  return path;
}

/** Whether the parsed JSON has a value (of any kind) at `path`. */
export function hasValueAt(root: unknown, path: readonly PropertyKey[]): boolean {
  let node: unknown = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return false;
    node = Reflect.get(node, key);
  }
  return true;
}

/** The dotted field of the first issue, e.g. `encryption.iterations` (empty when none). */
export const firstIssueField = (error: z.ZodError): string => {
  const [issue] = error.issues;
  return issue ? fieldPath(issueLocation(issue)) : '';
};

export type PayloadValidation<K extends BundleKind> =
  { ok: true; payload: PayloadByKind[K] } | { ok: false; error: BundleError };

const isPayloadKey = (value: unknown): value is PayloadKey =>
  typeof value === 'string' && (PAYLOAD_KEYS as readonly string[]).includes(value);

/**
 * Validates the entries of a kind (in the order of format.ts) and then the checks across
 * records; the first problem found is reported.
 */
export function validatePayload<K extends BundleKind>(
  kind: K,
  roundId: string | undefined,
  raw: Partial<Record<PayloadKey, unknown>>,
): PayloadValidation<K> {
  const input = Object.fromEntries(PAYLOAD_KEYS_BY_KIND[kind].map((key) => [key, raw[key]]));
  const result = PAYLOAD_SCHEMAS[kind].safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const [key, ...path] = issue ? issueLocation(issue) : [];
    const present = issue ? hasValueAt(input, issue.path) : true;
    const problem = issue ? issueText(issue, present) : { zh: '不正确', en: 'is not valid' };
    if (!isPayloadKey(key)) {
      return {
        ok: false,
        error: schemaError({ path: 'payload', label: PAYLOAD_WHOLE }, {}, problem),
      };
    }
    return { ok: false, error: payloadProblem(key, raw[key], path, problem) };
  }
  const cross = crossRecordProblem(kind, roundId, result.data);
  if (cross) {
    const entry = { path: payloadEntryName(cross.key), label: PAYLOAD_LABELS[cross.key] };
    return { ok: false, error: schemaError(entry, cross, cross) };
  }
  return { ok: true, payload: result.data };
}

const PAYLOAD_WHOLE = { zh: '数据', en: 'payload' };
