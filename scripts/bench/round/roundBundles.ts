// The bundles of a large benchmark round (largeRound.ts), as the machines of a real round
// would write them: per panel one round bundle signed by the secretariat and one score
// bundle (the panel's sheets, no audit entries, as `pinggu demo` writes them) signed by
// that panel's laptop. Keys derive from a label and the seed (SHA-256 → Ed25519 seed), and
// Ed25519 signatures are deterministic, so the same round gives byte-identical bundles.
import { createBundle } from '../../../shared/bundle/bundle';
import type { BundleSigner } from '../../../shared/bundle/bundleCrypto';
import { fromBase64 } from '../../../shared/bundle/encoding';
import type { LargeRound } from './largeRound';

const PKCS8_ED25519_PREFIX = [
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
];

// Node 20's and Chromium's WebCrypto both have Ed25519 and JWK export.
const crypto = globalThis.crypto;

const fromBase64Url = (text: string): Uint8Array => {
  const padded = text.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = fromBase64(padded + '='.repeat((4 - (padded.length % 4)) % 4));
  if (bytes === undefined) throw new Error('bad base64url');
  return bytes;
};

/** An Ed25519 signer whose key derives from `label` (same label, same key). */
export async function derivedSigner(label: string): Promise<BundleSigner> {
  const seed = new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`pinggu-bench-key\n${label}`)),
  );
  const pkcs8 = new Uint8Array([...PKCS8_ED25519_PREFIX, ...seed]);
  const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'Ed25519' }, true, [
    'sign',
  ]);
  const jwk = await crypto.subtle.exportKey('jwk', privateKey);
  if (typeof jwk.x !== 'string') throw new Error('no public key in the JWK');
  return { privateKey, publicKeyRaw: fromBase64Url(jwk.x) };
}

export type PanelBundles = {
  panelId: string;
  round: Uint8Array;
  scores: Uint8Array;
  sheets: number;
  scoreCount: number;
};

/** Round and score bundle of one panel (`index` 0-based into round.panels). */
export async function panelBundles(
  data: LargeRound,
  index: number,
  secretariat: BundleSigner,
): Promise<PanelBundles> {
  const panel = data.panels[index];
  if (panel === undefined) throw new RangeError(`no panel ${index}`);
  const { round } = data;
  const bases = data.bases.filter((b) => b.panelId === panel.id);
  const experts = data.experts.filter((e) => e.panelId === panel.id);
  const expertIds = new Set(experts.map((e) => e.id));
  const sheets = data.scoresheets.filter((s) => expertIds.has(s.expertId));
  const lastEdit = sheets.reduce((last, s) => (s.updatedAt > last ? s.updatedAt : last), '');
  const common = { appVersion: '0.1.0', crypto, roundId: round.id, panelId: panel.id };
  const roundBundle = await createBundle({
    ...common,
    kind: 'round',
    deviceId: 'secretariat-pc',
    createdAt: round.createdAt,
    signer: secretariat,
    payload: {
      round,
      templates: data.templates,
      bases,
      panels: [panel],
      experts,
      assignments: data.assignments.filter((a) => a.panelId === panel.id),
      changes: [],
    },
  });
  const scoresBundle = await createBundle({
    ...common,
    kind: 'scores',
    deviceId: `${panel.id}-laptop`,
    createdAt: lastEdit === '' ? round.createdAt : lastEdit,
    signer: await derivedSigner(`${round.id}/${panel.id}`),
    payload: { scoresheets: sheets, audit: [] },
  });
  return {
    panelId: panel.id,
    round: roundBundle,
    scores: scoresBundle,
    sheets: sheets.length,
    scoreCount: sheets.reduce((n, s) => n + Object.keys(s.scores).length, 0),
  };
}
