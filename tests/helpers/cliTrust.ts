// Builders for `pinggu merge --trust` tests: a trust file as the app exports it, vouching for
// the signers of given score bundles, and bundles re-signed or re-written for a round.
import { writeFile } from 'node:fs/promises';
import { createBundle } from '../../shared/bundle/bundle';
import type { BundleSigner } from '../../shared/bundle/bundleCrypto';
import type { ResultPayload, RoundPayload, ScoresPayload } from '../../shared/bundle/payload';
import { buildTrustFile, trustFileBytes } from '../../shared/bundle/trustFile';
import type { TrustFile } from '../../shared/bundle/trustFile';
import type { TrustedKey } from '../../shared/domain/types';
import { openFile } from './cli';

export const PINNED_BY = '秘书处 王芳';
export const PINNED_AT = '2024-05-13T09:00:00.000Z';

/** The trust file a secretariat exports after ticking the keys of these score bundles. */
export async function trustFileOf(scoreFiles: readonly string[]): Promise<TrustFile> {
  const pins: TrustedKey[] = [];
  let roundId = '';
  for (const file of scoreFiles) {
    const bundle = await openFile(file);
    if (bundle.kind !== 'scores') throw new Error(`${file} is not a score bundle`);
    roundId = bundle.manifest.roundId;
    pins.push({
      id: `pin-${pins.length + 1}`,
      roundId,
      role: 'panelDevice',
      panelId: bundle.manifest.panelId,
      deviceId: bundle.manifest.deviceId,
      publicKey: bundle.signer.publicKey,
      fingerprint: bundle.signer.fingerprint,
      firstSeenAt: PINNED_AT,
      acceptedBy: PINNED_BY,
      acceptedAt: PINNED_AT,
    });
  }
  return buildTrustFile({
    round: { id: roundId, name: '演示轮次' },
    panels: [],
    pins,
    exportedAt: '2024-05-14T08:00:00.000Z',
  });
}

export async function writeTrustFile(target: string, file: TrustFile): Promise<string> {
  await writeFile(target, trustFileBytes(file));
  return target;
}

type Common = { deviceId: string; createdAt: string; signer: BundleSigner };

const common = (c: Common) => ({
  ...c,
  appVersion: '0.1.0',
  crypto: globalThis.crypto,
});

/** A score bundle of `roundId`/`panelId` with this payload, signed as given. */
export async function writeScoresBundle(
  target: string,
  ids: { roundId: string; panelId: string },
  payload: ScoresPayload,
  c: Common,
): Promise<string> {
  const bytes = await createBundle({ ...common(c), kind: 'scores', ...ids, payload });
  await writeFile(target, bytes);
  return target;
}

/** A round bundle of `roundId`/`panelId` with this payload, signed as given. */
export async function writeRoundBundle(
  target: string,
  ids: { roundId: string; panelId: string },
  payload: RoundPayload,
  c: Common,
): Promise<string> {
  const bytes = await createBundle({ ...common(c), kind: 'round', ...ids, payload });
  await writeFile(target, bytes);
  return target;
}

/** A result bundle of `roundId` with this payload, signed as given. */
export async function writeResultBundle(
  target: string,
  roundId: string,
  payload: ResultPayload,
  c: Common,
): Promise<string> {
  const bytes = await createBundle({ ...common(c), kind: 'result', roundId, payload });
  await writeFile(target, bytes);
  return target;
}
