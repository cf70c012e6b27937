// The department's registry in backup bundles (format version 4): registryRounds.json,
// registryApprovals.json and registryHistory.json are a version-4 backup's entries and no
// older one's, and every registry record is checked like any other record.
import { beforeAll, describe, expect, it } from 'vitest';
import { openBundle } from '../../../shared/bundle/bundle';
import { PAYLOAD_ENTRY_SCHEMAS } from '../../../shared/bundle/payload';
import { validatePayload } from '../../../shared/bundle/validation';
import * as golden from '../../fixtures/bundles/v4/records';
import { craftBundle, makeBundle, partsOf, samplePayload } from '../../helpers/bundleBuilders';

const crypto = globalThis.crypto;

let backupBytes: Uint8Array;

beforeAll(async () => {
  backupBytes = (await makeBundle('backup')).bytes;
});

const registryTables = {
  registryRounds: golden.registryRounds,
  registryApprovals: golden.registryApprovals,
  registryHistory: golden.registryHistory,
};

describe('backup bundles and the registry tables', () => {
  it('refuses registry entries in a version-3 backup, which had none', async () => {
    const parts = partsOf(backupBytes);
    const manifest = { ...parts.manifest, version: 3 };
    const bytes = await craftBundle({ manifest, payload: parts.payload });
    const opened = await openBundle(bytes, { crypto });
    expect(opened.ok || opened.error.code).toBe('unknownEntry');
    expect(opened.ok || opened.error.detail?.path).toMatch(
      /^registry(Rounds|Approvals|History)\.json$/,
    );
  });

  it('reads a version-3 backup with the registry tables empty', async () => {
    const { payload } = partsOf(backupBytes);
    const {
      'registryRounds.json': _r,
      'registryApprovals.json': _a,
      'registryHistory.json': _h,
      ...v3
    } = payload;
    const bytes = await craftBundle({
      manifest: { ...partsOf(backupBytes).manifest, version: 3 },
      payload: v3,
    });
    const opened = await openBundle(bytes, { crypto });
    if (!opened.ok) throw new Error(opened.error.messageEn);
    expect(opened.kind === 'backup' && opened.payload).toMatchObject({
      registryRounds: [],
      registryApprovals: [],
      registryHistory: [],
    });
  });

  it('refuses a version-4 backup without its registry history entry', async () => {
    const { manifest, payload } = partsOf(backupBytes);
    const { 'registryHistory.json': _h, ...rest } = payload;
    const opened = await openBundle(await craftBundle({ manifest, payload: rest }), { crypto });
    expect(opened.ok || opened.error.code).toBe('missingEntry');
    expect(opened.ok || opened.error.detail?.path).toBe('registryHistory.json');
  });
});

describe('registry records in a backup', () => {
  const payloadWith = (tables: Partial<typeof registryTables>) => ({
    ...samplePayload('backup'),
    ...registryTables,
    ...tables,
  });

  it('accepts the golden records', () => {
    expect(validatePayload('backup', undefined, payloadWith({})).ok).toBe(true);
  });

  it.each([
    ['an unknown grade', { grade: 'superb' }, 'bases[0].grade'],
    ['a negative sheet count', { sheets: -1 }, 'bases[0].sheets'],
    ['an unknown field', { note: '手工补录' }, 'bases[0].note'],
  ])('refuses an accepted round whose base outcome has %s', (_what, change, field) => {
    const [round] = structuredClone(golden.registryRounds);
    if (!round?.bases[0]) throw new Error('no golden round');
    const bases = [{ ...round.bases[0], ...change }, ...round.bases.slice(1)];
    const result = validatePayload(
      'backup',
      undefined,
      payloadWith({ registryRounds: [{ ...round, bases } as typeof round] }),
    );
    expect(result.ok || result.error.detail).toMatchObject({
      path: 'registryRounds.json',
      index: 0,
      field,
    });
    expect(result.ok || result.error.message).toMatch(/^数据包中“基地库已接收的评估结果”第 1 条/);
  });

  it('refuses an approval whose file hash is not a lower-case SHA-256', () => {
    const [approval] = golden.registryApprovals;
    if (!approval) throw new Error('no golden approval');
    const bad = { ...approval, sourceSha256: approval.sourceSha256.toUpperCase() };
    const result = validatePayload('backup', undefined, payloadWith({ registryApprovals: [bad] }));
    expect(result.ok || result.error.detail).toMatchObject({
      path: 'registryApprovals.json',
      field: 'sourceSha256',
    });
  });

  it('refuses the same accepted round twice and names it', () => {
    const rounds = [...golden.registryRounds, ...golden.registryRounds];
    const result = validatePayload('backup', undefined, payloadWith({ registryRounds: rounds }));
    expect(result.ok || result.error.detail).toMatchObject({
      path: 'registryRounds.json',
      index: 1,
      record: 'round-2024',
      field: 'roundId',
    });
  });

  it('refuses a history line with a reserved id', () => {
    const [line] = golden.registryHistory;
    if (!line) throw new Error('no golden history line');
    const schema = PAYLOAD_ENTRY_SCHEMAS.registryHistory;
    expect(schema.safeParse([line]).success).toBe(true);
    expect(schema.safeParse([{ ...line, id: '__proto__' }]).success).toBe(false);
    expect(
      schema.safeParse([{ ...line, id: `${'x'.repeat(128)}:${'y'.repeat(128)}` }]).success,
    ).toBe(true);
  });
});
