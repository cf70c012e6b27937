import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { BUNDLE_KINDS, FORMAT_VERSION } from '../../../shared/bundle/format';
import { manifestSchema, signatureFileSchema } from '../../../shared/bundle/manifest';
import { PAYLOAD_SCHEMAS } from '../../../shared/bundle/payload';
import { SCHEMAS_MATCH_TYPES } from '../../../shared/bundle/schemaTypeChecks';
import {
  assignmentSchema,
  baseSchema,
  expertSchema,
  finalDecisionSchema,
  indicatorTemplateSchema,
  panelSchema,
  roundSchema,
  scoresheetSchema,
} from '../../../shared/bundle/schemas';
import { generateDemoDataset } from '../../../shared/demo/demoRound';
import type { Round, Scoresheet } from '../../../shared/domain/types';
import { samplePayload, sampleRecords } from '../../helpers/bundleBuilders';

const parsed = (json: string): unknown => JSON.parse(json);

describe('record schemas', () => {
  it.each(BUNDLE_KINDS)('accept the sample %s payload', (kind) => {
    expect(PAYLOAD_SCHEMAS[kind].safeParse(samplePayload(kind)).success).toBe(true);
  });

  it('accept every round the demo generator makes, history included', () => {
    const demo = generateDemoDataset();
    for (const round of [demo.current, ...demo.history]) {
      const result = PAYLOAD_SCHEMAS.result.safeParse({
        ...round,
        changes: [],
        provenance: { keysVerified: false, panelKeys: [] },
      });
      expect(result.error?.issues[0]).toBeUndefined();
    }
  });

  it('match the domain types both ways (checked by tsc)', () => {
    expect(Object.values(SCHEMAS_MATCH_TYPES).every((v) => v)).toBe(true);
    expectTypeOf<z.infer<typeof scoresheetSchema>>().toExtend<Scoresheet>();
    expectTypeOf<Scoresheet>().toExtend<z.infer<typeof scoresheetSchema>>();
    expectTypeOf<z.infer<typeof roundSchema>>().toExtend<Round>();
    expectTypeOf<Round>().toExtend<z.infer<typeof roundSchema>>();
  });

  const r = sampleRecords();
  const samples: Array<[string, z.ZodType, object]> = [
    ['round', roundSchema, r.round],
    ['base', baseSchema, r.bases[0] ?? {}],
    ['panel', panelSchema, r.panel],
    ['expert', expertSchema, r.experts[0] ?? {}],
    ['assignment', assignmentSchema, r.assignments[0] ?? {}],
    ['scoresheet', scoresheetSchema, r.scoresheets[0] ?? {}],
    ['template', indicatorTemplateSchema, r.templates[0] ?? {}],
  ];

  it.each(samples)('refuse an unknown key in a %s', (_name, schema, sample) => {
    expect(schema.safeParse(sample).success).toBe(true);
    const result = schema.safeParse({ ...sample, extra: 1 });
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['extra'] });
  });

  const sheet = r.scoresheets[0];
  if (!sheet) throw new Error('no sample sheet');

  it('refuse numbers JSON turns into Infinity', () => {
    const json = JSON.stringify({ ...sheet, scores: { a: 1 } }).replace('"a":1', '"a":1e999');
    expect(scoresheetSchema.safeParse(parsed(json)).success).toBe(false);
  });

  it('refuse negative, oversized and non-integer counters', () => {
    for (const revision of [-1, 1.5, Number.MAX_SAFE_INTEGER + 2]) {
      expect(scoresheetSchema.safeParse({ ...sheet, revision }).success).toBe(false);
    }
  });

  it('refuse empty, over-long and reserved ids', () => {
    for (const id of ['', 'x'.repeat(129), '__proto__', 'constructor', 'prototype']) {
      expect(scoresheetSchema.safeParse({ ...sheet, id }).success).toBe(false);
    }
    expect(scoresheetSchema.safeParse({ ...sheet, id: 'x'.repeat(128) }).success).toBe(true);
  });

  it('refuse over-long text', () => {
    expect(
      scoresheetSchema.safeParse({ ...sheet, overallComment: '评'.repeat(20_001) }).success,
    ).toBe(false);
  });

  it('refuse timestamps that are not ISO instants, and accept offsets', () => {
    expect(scoresheetSchema.safeParse({ ...sheet, updatedAt: '2024-05-10' }).success).toBe(false);
    expect(scoresheetSchema.safeParse({ ...sheet, updatedAt: 'yesterday' }).success).toBe(false);
    const offset = { ...sheet, updatedAt: '2024-05-10T17:00:00+08:00' };
    expect(scoresheetSchema.safeParse(offset).success).toBe(true);
  });

  it('refuse constructor and prototype as score keys', () => {
    for (const key of ['constructor', 'prototype']) {
      const result = scoresheetSchema.safeParse({ ...sheet, scores: { [key]: 1 } });
      expect(result.success).toBe(false);
    }
  });

  /** Refused, or accepted with the key gone and the prototype untouched. */
  const isRefusedOrHarmless = (
    result: z.ZodSafeParseResult<unknown>,
    pick: (data: unknown) => unknown,
  ) => {
    if (!result.success) return true;
    const record = pick(result.data);
    return (
      typeof record === 'object' &&
      record !== null &&
      Object.getPrototypeOf(record) === Object.prototype &&
      !Object.hasOwn(record, '__proto__')
    );
  };

  it('never let a __proto__ key change a prototype, even past the schema', () => {
    // zod 4 drops a __proto__ record key; openBundle refuses it before zod runs (see
    // schemaErrors.test.ts). Here: the schema alone never yields a polluted object.
    const sheetJson = JSON.stringify({ ...sheet, scores: {} });
    for (const value of ['{"x":1}', 'null', '5']) {
      const input = parsed(sheetJson.replace('"scores":{}', `"scores":{"__proto__":${value}}`));
      const result = scoresheetSchema.safeParse(input);
      expect(isRefusedOrHarmless(result, (d) => Reflect.get(Object(d), 'scores'))).toBe(true);
    }
    const roundJson = JSON.stringify(r.round);
    const round = parsed(
      roundJson.replace('"templateByType":{', '"templateByType":{"__proto__":{},'),
    );
    const roundResult = roundSchema.safeParse(round);
    expect(isRefusedOrHarmless(roundResult, (d) => Reflect.get(Object(d), 'templateByType'))).toBe(
      true,
    );
  });

  it('refuse an unknown base type in templateByType', () => {
    const result = roundSchema.safeParse({ ...r.round, templateByType: { Z9: 'tpl' } });
    expect(result.success).toBe(false);
  });

  it('refuse a disposition without the target its code needs', () => {
    const decision = {
      id: 'd-1',
      roundId: 'r',
      baseId: 'b',
      decidedAt: sheet.updatedAt,
      decidedBy: '秘书处',
      reason: '',
    };
    expect(
      finalDecisionSchema.safeParse({ ...decision, disposition: { code: 'merge' } }).success,
    ).toBe(false);
    const merge = { code: 'merge', targetBaseId: 'b-2' };
    expect(finalDecisionSchema.safeParse({ ...decision, disposition: merge }).success).toBe(true);
  });
});

describe('manifest schema', () => {
  const manifest = {
    format: 'pinggu-bundle',
    version: 1,
    kind: 'scores',
    roundId: 'round-1',
    panelId: 'panel-1',
    deviceId: 'laptop-1',
    appVersion: '0.1.0',
    createdAt: '2024-05-11T08:30:00.000Z',
    entries: [{ path: 'payload.zip', bytes: 10, sha256: 'a'.repeat(64) }],
  };
  const encryption = {
    algorithm: 'AES-GCM',
    kdf: 'PBKDF2-SHA256',
    iterations: 600_000,
    salt: 'AAAAAAAAAAAAAAAAAAAAAA==',
    iv: 'AAAAAAAAAAAAAAAA',
  };
  const encrypted = {
    ...manifest,
    encryption,
    entries: [{ path: 'payload.enc', bytes: 10, sha256: 'a'.repeat(64) }],
  };

  it('accepts plain and encrypted manifests', () => {
    expect(manifestSchema.safeParse(manifest).success).toBe(true);
    expect(manifestSchema.safeParse(encrypted).success).toBe(true);
  });

  it.each([
    [
      'fewer than 600,000 iterations',
      { ...encrypted, encryption: { ...encryption, iterations: 599_999 } },
    ],
    ['an absurd iteration count', { ...encrypted, encryption: { ...encryption, iterations: 1e9 } }],
    ['a short salt', { ...encrypted, encryption: { ...encryption, salt: 'AAAAAAAAAAAAAAAAAAAA' } }],
    [
      'a non-canonical salt',
      { ...encrypted, encryption: { ...encryption, salt: 'AAAAAAAAAAAAAAAAAAAAAB==' } },
    ],
    ['encryption without payload.enc', { ...manifest, encryption }],
    ['payload.enc without encryption', { ...encrypted, encryption: undefined }],
    ['a panel on a result bundle', { ...manifest, kind: 'result' }],
    ['a score bundle without a panel', { ...manifest, panelId: undefined }],
    ['a version newer than this reader', { ...manifest, version: FORMAT_VERSION + 1 }],
    [
      'an upper-case hash',
      { ...manifest, entries: [{ path: 'payload.zip', bytes: 1, sha256: 'A'.repeat(64) }] },
    ],
    ['two payload entries', { ...manifest, entries: [...manifest.entries, ...manifest.entries] }],
    ['an unknown kind', { ...manifest, kind: 'export' }],
  ])('refuses %s', (_label, value) => {
    expect(manifestSchema.safeParse(JSON.parse(JSON.stringify(value))).success).toBe(false);
  });

  it('accepts a backup without a round', () => {
    const { roundId: _r, panelId: _p, ...rest } = manifest;
    expect(manifestSchema.safeParse({ ...rest, kind: 'backup' }).success).toBe(true);
  });

  it('requires a well-formed signature file', () => {
    const file = {
      algorithm: 'Ed25519',
      publicKey: 'A'.repeat(43) + '=',
      fingerprint: 'ABCD-EF01-2345-6789',
      signature: 'A'.repeat(86) + '==',
    };
    expect(signatureFileSchema.safeParse(file).success).toBe(true);
    expect(
      signatureFileSchema.safeParse({ ...file, fingerprint: 'abcd-ef01-2345-6789' }).success,
    ).toBe(false);
    expect(signatureFileSchema.safeParse({ ...file, algorithm: 'RSA' }).success).toBe(false);
  });
});
