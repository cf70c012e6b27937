// Every bad input gets its typed error, one Chinese sentence naming the file, and leaves the
// database exactly as it was (digest of every table before and after, commit included).
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { PingguDatabase } from '../../../../renderer/db/database';
import { exportBackupPayload } from '../../../../renderer/db/bundles/backup';
import { commitImport } from '../../../../renderer/db/bundles/commitImport';
import { databaseDigest } from '../../../../renderer/db/bundles/digest';
import { buildResultBundlePayload } from '../../../../renderer/db/bundles/exports';
import type { ImportErrorCode } from '../../../../renderer/db/bundles/importErrors';
import { prepareImport } from '../../../../renderer/db/bundles/prepareImport';
import type { PrepareOptions } from '../../../../renderer/db/bundles/types';
import { FORMAT_VERSION } from '../../../../shared/bundle/format';
import { writeZip } from '../../../../shared/bundle/zip';
import { testSheetDeps } from '../../../helpers/builders';
import type { RoundRecords } from '../../../helpers/builders';
import {
  craftBundle,
  jsonBytes,
  outerEntries,
  partsOf,
  stored,
} from '../../../helpers/bundleBuilders';
import { openTestDatabase } from '../../../helpers/db';
import {
  backupBundle,
  commitDeps,
  importBundle,
  keyOf,
  prepareOptions,
  resultBundle,
  roundBundleFrom,
  scoresBundle,
  scoresBundleFrom,
  secretariatDatabase,
  valueOf,
} from '../../../helpers/importBuilders';
import { scoreEverySheet } from '../../../helpers/panelWorkflow';

const FILE = '大连组-评分.pgb';
const MIB = 1024 * 1024;

let secretariat: PingguDatabase;
let panel: PingguDatabase;
let r: RoundRecords;
let valid: Uint8Array;
let later: Uint8Array;
let parts: ReturnType<typeof partsOf>;

beforeAll(async () => {
  [secretariat, panel] = await Promise.all([openTestDatabase(), openTestDatabase()]);
  r = await secretariatDatabase(secretariat);
  await importBundle(panel, await roundBundleFrom(secretariat, r));
  await scoreEverySheet(panel, r.round.id, testSheetDeps('laptop-1'), { submit: false });
  valid = await scoresBundleFrom(panel, r);
  await importBundle(secretariat, valid);
  later = await scoresBundleFrom(panel, r, { expertIds: [r.experts[0]?.id ?? ''] });
  parts = partsOf(valid);
});

afterAll(async () => {
  await Promise.all([secretariat.delete(), panel.delete()]);
});

const outer = (change: (e: Array<[string, Uint8Array]>) => Array<[string, Uint8Array]>) =>
  writeZip(stored(change([...outerEntries(valid)])));

type BadCase = {
  name: string;
  bytes: () => Promise<Uint8Array> | Uint8Array;
  code: ImportErrorCode;
  options?: Partial<PrepareOptions>;
};

const sheetsWith = (change: (sheet: Record<string, unknown>) => Record<string, unknown>) => {
  const sheets = parts.payload['scoresheets.json'];
  return Array.isArray(sheets) ? sheets.map((s: Record<string, unknown>) => change(s)) : [];
};

const CASES: BadCase[] = [
  {
    name: 'not a zip',
    bytes: () => new TextEncoder().encode('姓名,分数\n李明,90\n'),
    code: 'notZip',
  },
  { name: 'an empty file', bytes: () => new Uint8Array(0), code: 'empty' },
  { name: 'a file cut short', bytes: () => valid.slice(0, valid.length >> 1), code: 'truncated' },
  {
    name: 'a zip bomb',
    bytes: () =>
      craftBundle({
        manifest: parts.manifest,
        container: writeZip([
          { name: 'scoresheets.json', data: new Uint8Array(8 * MIB) },
          { name: 'audit.json', data: jsonBytes([]) },
        ]),
      }),
    code: 'zipBomb',
  },
  {
    name: 'a path trick',
    bytes: () => outer((e) => [...e, ['../manifest.json', new Uint8Array([1])]]),
    code: 'badEntryName',
  },
  {
    name: 'a duplicate entry',
    bytes: () => outer((e) => [...e, ['manifest.json', jsonBytes({})]]),
    code: 'duplicateEntry',
  },
  {
    name: 'an unknown entry',
    bytes: () => outer((e) => [...e, ['readme.txt', new Uint8Array([65])]]),
    code: 'unknownEntry',
  },
  {
    name: 'a payload changed after signing',
    bytes: () =>
      craftBundle({
        manifest: parts.manifest,
        keepEntries: true,
        payload: { ...parts.payload, 'audit.json': [] },
      }),
    code: 'hashMismatch',
  },
  {
    name: 'a signature of another manifest',
    bytes: () =>
      outer((e) =>
        e.map(([n, d]) => [n, n === 'signature.json' ? (outerEntries(later).get(n) ?? d) : d]),
      ),
    code: 'badSignature',
  },
  {
    name: 'no signature',
    bytes: () => outer((e) => e.filter(([n]) => n !== 'signature.json')),
    code: 'missingSignature',
  },
  {
    name: 'a newer format version',
    bytes: () =>
      craftBundle({
        manifest: { ...parts.manifest, version: FORMAT_VERSION + 1 },
        payload: parts.payload,
      }),
    code: 'newerVersion',
  },
  {
    name: 'a schema violation',
    bytes: () =>
      craftBundle({
        manifest: parts.manifest,
        payload: {
          ...parts.payload,
          'scoresheets.json': sheetsWith((s) => ({ ...s, scores: { 'A1-1-1': '九' } })),
        },
      }),
    code: 'schema',
  },
  {
    name: 'the wrong kind for this screen',
    bytes: () => roundBundleFrom(secretariat, r),
    code: 'wrongKind',
    options: { expectedKinds: ['scores'] },
  },
  {
    name: 'another round than the one open',
    bytes: () => valid,
    code: 'wrongRound',
    options: { roundId: 'round-other' },
  },
  {
    name: 'scores of a round not on this machine',
    bytes: () =>
      craftBundle({
        manifest: { ...parts.manifest, roundId: 'round-elsewhere' },
        payload: {
          ...parts.payload,
          'scoresheets.json': sheetsWith((s) => ({ ...s, roundId: 'round-elsewhere' })),
          'audit.json': [],
        },
      }),
    code: 'unknownRound',
  },
  {
    name: "a round bundle of the secretariat's own round",
    bytes: () => roundBundleFrom(secretariat, r),
    code: 'ownRound',
  },
  {
    name: 'scores from a panel this round does not have',
    bytes: () =>
      craftBundle({
        manifest: { ...parts.manifest, panelId: 'panel-elsewhere' },
        payload: parts.payload,
      }),
    code: 'unknownPanel',
  },
  {
    name: 'a result whose records carry the ids of this round’s records',
    bytes: async () => {
      const payload = valueOf(await buildResultBundlePayload(secretariat, r.round.id));
      const round = { ...payload.round, id: 'round-copy' };
      const moved = <T extends { roundId: string }>(xs: T[]) =>
        xs.map((x) => ({ ...x, roundId: 'round-copy' }));
      return resultBundle(
        {
          ...payload,
          round,
          bases: moved(payload.bases),
          panels: moved(payload.panels),
          experts: moved(payload.experts),
          assignments: moved(payload.assignments),
          scoresheets: [],
          decisions: [],
        },
        { signer: await keyOf('secretariat'), deviceId: 'x', roundId: 'round-copy' },
      );
    },
    code: 'idCollision',
  },
  {
    name: 'a backup with a setting this app does not know',
    bytes: async () => {
      const payload = await exportBackupPayload(secretariat);
      const settings = [...payload.settings, { key: 'theme', value: 'dark' }];
      return backupBundle({ ...payload, settings }, { signer: await keyOf('x'), deviceId: 'x' });
    },
    code: 'badBackup',
  },
];

describe('bad input leaves the database exactly as it was', () => {
  it.each(CASES)('refuses $name ($code)', async ({ bytes, code, options }) => {
    const before = await databaseDigest(secretariat);
    const result = await prepareImport(secretariat, await bytes(), FILE, prepareOptions(options));
    if (result.ok) throw new Error('the bundle was accepted');
    expect(result.error.code).toBe(code);
    expect(result.error.message).toContain(`文件“${FILE}”：`);
    expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(result.error.message).toMatch(/。$/);
    expect(result.error.messageEn).toContain(FILE);
    expect(await databaseDigest(secretariat)).toBe(before);
  });

  it('names the record and field of a schema violation', async () => {
    const bytes = await CASES.find((c) => c.code === 'schema')?.bytes();
    const result = await prepareImport(secretariat, bytes ?? valid, FILE, prepareOptions());
    expect(result.ok || result.error.detail).toMatchObject({
      path: 'scoresheets.json',
      field: 'scores.A1-1-1',
    });
  });

  it('asks for the passphrase of an encrypted bundle and refuses a wrong one', async () => {
    const payload = { scoresheets: [], audit: [] };
    const passphrase = '评审口令-2024';
    const options = {
      signer: await keyOf('laptop-1'),
      deviceId: 'laptop-1',
      roundId: r.round.id,
      panelId: r.panel.id,
      passphrase,
    };
    const bytes = await scoresBundle(payload, options);
    const before = await databaseDigest(secretariat);
    const none = await prepareImport(secretariat, bytes, FILE, prepareOptions());
    expect(none.ok || none.error.code).toBe('passphraseRequired');
    const wrong = await prepareImport(
      secretariat,
      bytes,
      FILE,
      prepareOptions({ passphrase: '错误口令' }),
    );
    expect(wrong.ok || wrong.error.code).toBe('wrongPassphrase');
    expect(await databaseDigest(secretariat)).toBe(before);
  });

  it('refuses a bundle from an untrusted key at commit, changing nothing', async () => {
    const forged = await scoresBundleFrom(panel, r, { signerName: 'intruder' });
    const before = await databaseDigest(secretariat);
    const ready = await prepareImport(secretariat, forged, FILE, prepareOptions());
    if (!ready.ok) throw new Error(ready.error.messageEn);
    const result = await commitImport(secretariat, ready.prepared, commitDeps());
    expect(result.ok || result.error.code).toBe('untrustedKey');
    expect(await databaseDigest(secretariat)).toBe(before);
  });
});
