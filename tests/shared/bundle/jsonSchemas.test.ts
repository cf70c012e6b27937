// docs/schemas/*.schema.json are generated from the zod schemas (z.toJSONSchema). This test
// fails when a committed file is out of date or missing, or a stale one lingers;
// `PINGGU_WRITE_SCHEMAS=1 npx vitest run --project unit tests/shared/bundle/jsonSchemas.test.ts`
// rewrites them. JSON Schema cannot express every check (HLC validity beyond its pattern,
// key-count caps, cross-record rules); docs/bundle-format.md lists those.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  FORMAT_VERSION,
  PAYLOAD_KEYS,
  PAYLOAD_LABELS,
  payloadEntryName,
} from '../../../shared/bundle/format';
import { manifestSchema, signatureFileSchema } from '../../../shared/bundle/manifest';
import { PAYLOAD_ENTRY_SCHEMAS } from '../../../shared/bundle/payload';
import {
  dispositionSchema,
  idSchema,
  recusalSchema,
  scoresheetSchema,
  timestampSchema,
} from '../../../shared/bundle/schemas';

const DIR = path.resolve('docs/schemas');

/** Shared parts become named $defs instead of being repeated. */
const NAMED = z.registry<{ id: string }>();
for (const [id, schema] of [
  ['Id', idSchema],
  ['Timestamp', timestampSchema],
  ['Disposition', dispositionSchema],
  ['Recusal', recusalSchema],
  ['Scoresheet', scoresheetSchema],
] as const) {
  NAMED.add(schema, { id });
}
const WRITE = process.env.PINGGU_WRITE_SCHEMAS === '1';

type SchemaFile = { file: string; entry: string; title: string; schema: z.ZodType };

const FILES: SchemaFile[] = [
  {
    file: 'manifest.schema.json',
    entry: 'manifest.json',
    title: 'Bundle manifest',
    schema: manifestSchema,
  },
  {
    file: 'signature.schema.json',
    entry: 'signature.json',
    title: 'Bundle signature',
    schema: signatureFileSchema,
  },
  ...PAYLOAD_KEYS.map((key) => ({
    file: `${key}.schema.json`,
    entry: payloadEntryName(key),
    title: `Payload entry ${payloadEntryName(key)} (${PAYLOAD_LABELS[key].en}, ${PAYLOAD_LABELS[key].zh})`,
    schema: PAYLOAD_ENTRY_SCHEMAS[key],
  })),
];

async function render({ file, entry, title, schema }: SchemaFile): Promise<string> {
  const { $schema, ...generated } = z.toJSONSchema(schema, { metadata: NAMED });
  const document = {
    $schema,
    $id: `https://pinggu.invalid/schemas/bundle/v${FORMAT_VERSION}/${file}`,
    title,
    description: `${entry} in a pinggu-bundle of format version ${FORMAT_VERSION}. Generated from shared/bundle by tests/shared/bundle/jsonSchemas.test.ts; do not edit.`,
    ...generated,
  };
  const target = path.join(DIR, file);
  const options = (await resolveConfig(target)) ?? {};
  return format(JSON.stringify(document), { ...options, parser: 'json' });
}

describe('JSON Schemas in docs/schemas', () => {
  it.each(FILES)('$file matches the zod schema', async (spec) => {
    const expected = await render(spec);
    const target = path.join(DIR, spec.file);
    if (WRITE) {
      await mkdir(DIR, { recursive: true });
      await writeFile(target, expected);
    }
    expect(existsSync(target), `${spec.file} is missing: run with PINGGU_WRITE_SCHEMAS=1`).toBe(
      true,
    );
    expect(await readFile(target, 'utf8')).toBe(expected);
  });

  it('holds no schema file the code no longer generates', async () => {
    const present = existsSync(DIR) ? await readdir(DIR) : [];
    const generated = new Set(FILES.map((f) => f.file));
    expect(present.filter((name) => !generated.has(name))).toEqual([]);
  });
});
