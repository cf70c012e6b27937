// Builders for database import tests: the machines of a round (secretariat, panel laptop,
// department) as fresh databases, their signing keys, bundles written with the real
// createBundle, and prepare + commit in one call that fails loudly when either refuses.
import { createBundle } from '../../shared/bundle/bundle';
import { generateSigningKeyPair } from '../../shared/bundle/bundleCrypto';
import type { SigningKeyPair } from '../../shared/bundle/bundleCrypto';
import type {
  BackupPayload,
  ResultPayload,
  RoundPayload,
  ScoresPayload,
} from '../../shared/bundle/payload';
import type { BundleKind } from '../../shared/domain/types';
import type { PingguDatabase } from '../../renderer/db/database';
import type { RepositoryResult } from '../../renderer/db/repositories/errors';
import { commitImport } from '../../renderer/db/bundles/commitImport';
import {
  buildRoundBundlePayload,
  buildScoresBundlePayload,
} from '../../renderer/db/bundles/exports';
import { prepareImport } from '../../renderer/db/bundles/prepareImport';
import type {
  CommitOptions,
  CommitSummary,
  PrepareOptions,
  PreparedImport,
} from '../../renderer/db/bundles/types';
import { buildRoundRecords, nextId } from './builders';
import type { RoundRecords } from './builders';
import { putRoundRecords } from './db';

export const testCrypto = globalThis.crypto;
export const BUNDLE_TIME = '2024-05-12T08:00:00.000Z';
export const SECRETARIAT_DEVICE = 'secretariat-pc';

const keys = new Map<string, Promise<SigningKeyPair>>();

/** One key pair per name and test file: 'secretariat', 'laptop-1', 'intruder', … */
export const keyOf = (name: string): Promise<SigningKeyPair> => {
  let key = keys.get(name);
  if (key === undefined) {
    key = generateSigningKeyPair(testCrypto);
    keys.set(name, key);
  }
  return key;
};

export type BundleOptions = {
  signer: SigningKeyPair;
  deviceId: string;
  roundId: string;
  panelId?: string;
  passphrase?: string;
  createdAt?: string;
};

function common(options: BundleOptions) {
  return {
    deviceId: options.deviceId,
    appVersion: '0.1.0',
    createdAt: options.createdAt ?? BUNDLE_TIME,
    signer: options.signer,
    crypto: testCrypto,
    ...(options.passphrase === undefined ? {} : { passphrase: options.passphrase }),
  };
}

const panelOf = (options: BundleOptions): string => options.panelId ?? 'panel-missing';

/** Real bundles of each kind, through createBundle. */
export const roundBundle = (payload: RoundPayload, options: BundleOptions): Promise<Uint8Array> =>
  createBundle({
    ...common(options),
    kind: 'round',
    roundId: options.roundId,
    panelId: panelOf(options),
    payload,
  });

export const scoresBundle = (payload: ScoresPayload, options: BundleOptions): Promise<Uint8Array> =>
  createBundle({
    ...common(options),
    kind: 'scores',
    roundId: options.roundId,
    panelId: panelOf(options),
    payload,
  });

export const resultBundle = (payload: ResultPayload, options: BundleOptions): Promise<Uint8Array> =>
  createBundle({ ...common(options), kind: 'result', roundId: options.roundId, payload });

export const backupBundle = (
  payload: BackupPayload,
  options: Omit<BundleOptions, 'roundId'> & { roundId?: string },
): Promise<Uint8Array> =>
  createBundle({
    ...common({ ...options, roundId: options.roundId ?? '' }),
    kind: 'backup',
    ...(options.roundId === undefined ? {} : { roundId: options.roundId }),
    payload,
  });

/** A repository result's value, or a thrown error naming the refusal (test setup). */
export function valueOf<T>(result: RepositoryResult<T>): T {
  if (!result.ok) throw new Error(`refused: ${result.error.code} ${result.error.message}`);
  return result.value;
}

let idCounter = 0;

/** Commit options with a fixed clock (so pins and conflicts do not depend on the wall clock). */
export function commitDeps(overrides: Partial<CommitOptions> = {}): CommitOptions {
  return {
    actor: '秘书处 王芳',
    clock: { now: () => '2024-05-13T09:00:00.000Z' },
    newId: () => `import-${(idCounter += 1)}`,
    ...overrides,
  };
}

/** commitDeps for `ready`, ticking a panel device's first key as compared, as the clerk does. */
export const confirmingDeps = (
  ready: PreparedImport,
  overrides: Partial<CommitOptions> = {},
): CommitOptions =>
  commitDeps({ acceptNewKey: ready.preview.key.status === 'newDevice', ...overrides });

export const ALL_KINDS: readonly BundleKind[] = ['round', 'scores', 'result', 'backup'];

export function prepareOptions(overrides: Partial<PrepareOptions> = {}): PrepareOptions {
  return { crypto: testCrypto, expectedKinds: ALL_KINDS, ...overrides };
}

/** prepareImport, or a thrown error naming the refusal. */
export async function prepared(
  db: PingguDatabase,
  bytes: Uint8Array,
  options: Partial<PrepareOptions> = {},
  fileName = 'bundle.pgb',
): Promise<PreparedImport> {
  const result = await prepareImport(db, bytes, fileName, prepareOptions(options));
  if (!result.ok)
    throw new Error(`prepare refused: ${result.error.code} ${result.error.messageEn}`);
  return result.prepared;
}

/**
 * prepareImport then commitImport; throws when either refuses. Like the clerk, it ticks a
 * panel device's first key as compared with the paper summary, unless `commit.acceptNewKey`
 * says otherwise; a changed key is accepted only when `commit.acceptNewKey` is true.
 */
export async function importBundle(
  db: PingguDatabase,
  bytes: Uint8Array,
  options: { prepare?: Partial<PrepareOptions>; commit?: Partial<CommitOptions> } = {},
  fileName = 'bundle.pgb',
): Promise<CommitSummary> {
  const ready = await prepared(db, bytes, options.prepare, fileName);
  const result = await commitImport(db, ready, confirmingDeps(ready, options.commit));
  if (!result.ok) throw new Error(`commit refused: ${result.error.code} ${result.error.messageEn}`);
  return result.result;
}

/** A secretariat's database: one issued round (1 panel, 3 experts, 2 bases), no sheets yet. */
export async function secretariatDatabase(
  db: PingguDatabase,
  records: RoundRecords = buildRoundRecords({ status: 'issued' }),
): Promise<RoundRecords> {
  await putRoundRecords(db, { ...records, scoresheets: [] });
  return records;
}

export const uniqueFile = (prefix: string): string => `${prefix}-${nextId('file')}.pgb`;

/** The secretariat's round bundle for the round's panel, signed with the 'secretariat' key. */
export async function roundBundleFrom(
  secretariat: PingguDatabase,
  r: RoundRecords,
  options: { signerName?: string; createdAt?: string } = {},
): Promise<Uint8Array> {
  const payload = valueOf(await buildRoundBundlePayload(secretariat, r.round.id, r.panel.id));
  return roundBundle(payload, {
    signer: await keyOf(options.signerName ?? 'secretariat'),
    deviceId: SECRETARIAT_DEVICE,
    roundId: r.round.id,
    panelId: r.panel.id,
    ...(options.createdAt === undefined ? {} : { createdAt: options.createdAt }),
  });
}

/** A panel laptop's score bundle (all its sheets), signed with the key named like the device. */
export async function scoresBundleFrom(
  panel: PingguDatabase,
  r: RoundRecords,
  options: { deviceId?: string; signerName?: string; expertIds?: string[] } = {},
): Promise<Uint8Array> {
  const deviceId = options.deviceId ?? 'laptop-1';
  const payload = valueOf(
    await buildScoresBundlePayload(panel, r.round.id, r.panel.id, options.expertIds),
  );
  return scoresBundle(payload, {
    signer: await keyOf(options.signerName ?? deviceId),
    deviceId,
    roundId: r.round.id,
    panelId: r.panel.id,
  });
}
