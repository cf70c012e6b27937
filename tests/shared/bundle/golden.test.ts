// Golden bundles of every format version (tests/fixtures/bundles/v<n>): committed once and
// opened by every later version of the app, which must read exactly the records in records.ts.
// `PINGGU_WRITE_GOLDEN=1 npx vitest run --project unit tests/shared/bundle/golden.test.ts`
// writes the fixtures (and the test key) that are missing; it never overwrites one.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBundle, openBundle } from '../../../shared/bundle/bundle';
import type { CreateBundleInput } from '../../../shared/bundle/bundle';
import {
  exportPrivateKeyPkcs8,
  generateSigningKeyPair,
  importPrivateKeyPkcs8,
  publicKeyFingerprint,
} from '../../../shared/bundle/bundleCrypto';
import { fromBase64, toBase64 } from '../../../shared/bundle/encoding';
import { FORMAT_VERSION } from '../../../shared/bundle/format';
import * as v1 from '../../fixtures/bundles/v1/records';
import * as golden from '../../fixtures/bundles/v4/records';
import { testCrypto } from '../../helpers/bundleBuilders';

const crypto = testCrypto;
const WRITE = process.env.PINGGU_WRITE_GOLDEN === '1';

type TestKey = { note: string; privateKeyPkcs8: string; publicKey: string; fingerprint: string };

// Version 2's payloads (which versions 3 and 4 reuse for these kinds), written into v2/, v3/
// and v4/ and expected back from each.
const roundPayload = {
  round: golden.round,
  templates: golden.templates,
  bases: golden.bases,
  panels: golden.panels,
  experts: golden.experts,
  assignments: golden.assignments,
  changes: golden.changes,
};
const scoresPayload = { scoresheets: golden.scoresheets, audit: golden.audit };
const resultPayload = {
  ...roundPayload,
  scoresheets: golden.scoresheets,
  decisions: golden.decisions,
  provenance: golden.provenance,
};
/** A backup as versions 2 and 3 wrote it: no registry tables. */
const backupPayloadV3 = {
  rounds: [golden.round],
  templates: golden.templates,
  bases: golden.bases,
  panels: golden.panels,
  experts: golden.experts,
  assignments: golden.assignments,
  scoresheets: golden.scoresheets,
  decisions: golden.decisions,
  conflicts: golden.conflicts,
  imports: golden.imports,
  audit: golden.backupAudit,
  settings: golden.settings,
  changes: golden.changes,
};
/** What a backup of version 1, 2 or 3 reads as: the registry tables empty (migration 3 → 4). */
const EMPTY_REGISTRY = { registryRounds: [], registryApprovals: [], registryHistory: [] };
/** Version 4's backup: the registry tables and the 后补助 settings row as well. */
const backupPayload = {
  ...backupPayloadV3,
  settings: golden.backupSettings,
  registryRounds: golden.registryRounds,
  registryApprovals: golden.registryApprovals,
  registryHistory: golden.registryHistory,
};
const registryPayload = { registry: golden.registry };

// Version 1's records as version 2 reads them: migration adds no changes and unverified keys.
const v1Round = {
  round: v1.round,
  templates: v1.templates,
  bases: v1.bases,
  panels: v1.panels,
  experts: v1.experts,
  assignments: v1.assignments,
  changes: [],
};
const v1Expected = {
  round: v1Round,
  scores: { scoresheets: v1.scoresheets, audit: v1.audit },
  result: {
    ...v1Round,
    scoresheets: v1.scoresheets,
    decisions: v1.decisions,
    provenance: { keysVerified: false, panelKeys: [] },
  },
  backup: {
    rounds: [v1.round],
    templates: v1.templates,
    bases: v1.bases,
    panels: v1.panels,
    experts: v1.experts,
    assignments: v1.assignments,
    scoresheets: v1.scoresheets,
    decisions: v1.decisions,
    conflicts: v1.conflicts,
    imports: v1.imports,
    audit: v1.backupAudit,
    settings: v1.settings,
    changes: [],
    ...EMPTY_REGISTRY,
  },
};

const ids = { roundId: golden.ROUND_ID, panelId: golden.PANEL_ID };

/** The fixtures of every version, each with what version 4 writes into it. */
const FIXTURES = [
  { file: 'round.pgb', kind: 'round', payload: roundPayload, panelId: golden.PANEL_ID },
  { file: 'scores.pgb', kind: 'scores', payload: scoresPayload, panelId: golden.PANEL_ID },
  { file: 'result.pgb', kind: 'result', payload: resultPayload },
  { file: 'backup.pgb', kind: 'backup', payload: backupPayload },
  {
    file: 'scores-encrypted.pgb',
    kind: 'scores',
    payload: scoresPayload,
    panelId: golden.PANEL_ID,
    passphrase: golden.GOLDEN_PASSPHRASE,
  },
  // Since version 3, without a round.
  { file: 'registry.pgb', kind: 'registry', payload: registryPayload, noRound: true },
] as const;

/** Versions 2 and 3: the backup without registry tables, read with empty ones. */
const olderBackup = (f: Fixture): Expectation =>
  f.kind === 'backup' ? { ...f, payload: { ...backupPayloadV3, ...EMPTY_REGISTRY } } : f;
const FIXTURES_V3: Expectation[] = FIXTURES.map(olderBackup);
/** Version 2 had no registry bundle. */
const FIXTURES_V2: Expectation[] = FIXTURES_V3.filter((f) => f.kind !== 'registry');

type Expectation = {
  file: string;
  kind: Fixture['kind'];
  payload: unknown;
  panelId?: string;
  passphrase?: string;
  noRound?: boolean;
};

/** Each version's folder, and what its fixtures must open as today. */
const VERSIONS: { version: number; fixtures: Expectation[] }[] = [
  {
    version: 1,
    fixtures: FIXTURES_V2.map((f) => ({
      ...f,
      payload: f.kind === 'registry' ? undefined : v1Expected[f.kind],
    })),
  },
  { version: 2, fixtures: FIXTURES_V2 },
  { version: 3, fixtures: FIXTURES_V3 },
  { version: 4, fixtures: [...FIXTURES] },
];

type Fixture = (typeof FIXTURES)[number];

const dirOf = (version: number): string => path.resolve(`tests/fixtures/bundles/v${version}`);
const DIR = dirOf(FORMAT_VERSION);
const KEY_FILE = path.join(DIR, 'test-signing-key.json');

function inputFor(fixture: Fixture, signer: CreateBundleInput['signer']): CreateBundleInput {
  const common = {
    deviceId: golden.GOLDEN_DEVICE_ID,
    appVersion: golden.GOLDEN_APP_VERSION,
    createdAt: golden.GOLDEN_CREATED_AT,
    signer,
    crypto,
    ...('passphrase' in fixture ? { passphrase: fixture.passphrase } : {}),
  };
  switch (fixture.kind) {
    case 'round':
      return { ...common, ...ids, kind: 'round', payload: roundPayload };
    case 'scores':
      return { ...common, ...ids, kind: 'scores', payload: scoresPayload };
    case 'result':
      return { ...common, kind: 'result', roundId: golden.ROUND_ID, payload: resultPayload };
    case 'backup':
      return { ...common, kind: 'backup', roundId: golden.ROUND_ID, payload: backupPayload };
    case 'registry':
      return { ...common, kind: 'registry', payload: registryPayload };
  }
}

async function writeJson(file: string, value: unknown): Promise<void> {
  const options = (await resolveConfig(file)) ?? {};
  await writeFile(file, await format(JSON.stringify(value), { ...options, parser: 'json' }));
}

async function readTestKey(): Promise<TestKey> {
  return JSON.parse(await readFile(KEY_FILE, 'utf8')) as TestKey;
}

async function writeMissingFixtures(): Promise<void> {
  if (!existsSync(KEY_FILE)) {
    const keys = await generateSigningKeyPair(crypto, { extractable: true });
    await writeJson(KEY_FILE, {
      note: 'TEST ONLY. This private key is public; it signs the golden fixtures and nothing else.',
      privateKeyPkcs8: toBase64(await exportPrivateKeyPkcs8(crypto, keys.privateKey)),
      publicKey: toBase64(keys.publicKeyRaw),
      fingerprint: await publicKeyFingerprint(crypto, keys.publicKeyRaw),
    } satisfies TestKey);
  }
  const key = await readTestKey();
  const signer = {
    privateKey: await importPrivateKeyPkcs8(
      crypto,
      fromBase64(key.privateKeyPkcs8) ?? new Uint8Array(),
    ),
    publicKeyRaw: fromBase64(key.publicKey) ?? new Uint8Array(),
  };
  for (const fixture of FIXTURES) {
    const file = path.join(DIR, fixture.file);
    if (!existsSync(file)) await writeFile(file, await createBundle(inputFor(fixture, signer)));
  }
}

let testKey: TestKey;

beforeAll(async () => {
  if (WRITE) await writeMissingFixtures();
  testKey = await readTestKey();
});

describe.each(VERSIONS)('golden bundles of format version $version', ({ version, fixtures }) => {
  const dir = dirOf(version);

  it('have a test key whose fingerprint matches its public key', async () => {
    const raw = fromBase64(testKey.publicKey) ?? new Uint8Array();
    expect(await publicKeyFingerprint(crypto, raw)).toBe(testKey.fingerprint);
  });

  it.each(fixtures)('open $file with exactly its records, forever', async (fixture) => {
    const bytes = new Uint8Array(await readFile(path.join(dir, fixture.file)));
    const { passphrase } = fixture;
    const opened = await openBundle(bytes, { crypto, ...(passphrase ? { passphrase } : {}) });
    if (!opened.ok) throw new Error(`${fixture.file}: ${opened.error.messageEn}`);
    expect(opened.kind).toBe(fixture.kind);
    expect(opened.payload).toEqual(fixture.payload);
    const { entries, encryption, ...manifest } = opened.manifest;
    expect(manifest).toEqual({
      format: 'pinggu-bundle',
      version,
      kind: fixture.kind,
      ...(fixture.noRound === true ? {} : { roundId: golden.ROUND_ID }),
      ...(fixture.panelId === undefined ? {} : { panelId: fixture.panelId }),
      deviceId: golden.GOLDEN_DEVICE_ID,
      appVersion: golden.GOLDEN_APP_VERSION,
      createdAt: golden.GOLDEN_CREATED_AT,
    });
    expect(entries.map((e) => e.path)).toEqual([passphrase ? 'payload.enc' : 'payload.zip']);
    expect(encryption?.iterations).toBe(passphrase ? 600_000 : undefined);
    expect(opened.signer).toEqual({
      publicKey: testKey.publicKey,
      fingerprint: testKey.fingerprint,
    });
  });

  it('refuses the encrypted golden bundle without its passphrase', async () => {
    const bytes = new Uint8Array(await readFile(path.join(dir, 'scores-encrypted.pgb')));
    const opened = await openBundle(bytes, { crypto });
    expect(opened.ok || opened.error.code).toBe('passphraseRequired');
  });
});

it('version 1 golden bundles hold no version-2 entry (they are read through the migration)', async () => {
  const opened = await openBundle(await readFile(path.join(dirOf(1), 'result.pgb')), { crypto });
  expect(opened.ok && opened.manifest.version).toBe(1);
});
