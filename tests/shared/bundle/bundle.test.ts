import { describe, expect, it } from 'vitest';
import { createBundle, openBundle } from '../../../shared/bundle/bundle';
import {
  generateSigningKeyPair,
  manifestSignatureMessage,
  publicKeyFingerprint,
} from '../../../shared/bundle/bundleCrypto';
import type { SubtleCryptoLike } from '../../../shared/bundle/cryptoTypes';
import { toBase64 } from '../../../shared/bundle/encoding';
import { BundleWriteError } from '../../../shared/bundle/errors';
import { BUNDLE_KINDS, FORMAT_NAME, FORMAT_VERSION } from '../../../shared/bundle/format';
import { generateDemoRound } from '../../../shared/demo/demoRound';
import {
  APP_VERSION,
  CREATED_AT,
  DEVICE_ID,
  makeBundle,
  outerEntries,
  parseJson,
  sampleInput,
  testCrypto,
  testSigner,
} from '../../helpers/bundleBuilders';

const crypto = testCrypto;
const PASSPHRASE = '辽宁-评审-2024';

async function writeError(promise: Promise<unknown>): Promise<BundleWriteError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BundleWriteError) return error;
    throw error;
  }
  throw new Error('createBundle did not refuse');
}

describe('bundle round trip', () => {
  it.each(BUNDLE_KINDS)('opens a plain %s bundle with exactly what was written', async (kind) => {
    const signer = await testSigner();
    const { bytes, input } = await makeBundle(kind);
    const opened = await openBundle(bytes, { crypto });
    if (!opened.ok) throw new Error(opened.error.messageEn);
    expect(opened.kind).toBe(kind);
    expect(opened.payload).toEqual(input.payload);
    expect(opened.manifest).toMatchObject({
      format: FORMAT_NAME,
      version: FORMAT_VERSION,
      kind,
      ...(input.roundId === undefined ? {} : { roundId: input.roundId }),
      deviceId: DEVICE_ID,
      appVersion: APP_VERSION,
      createdAt: CREATED_AT,
    });
    expect(opened.manifest.encryption).toBeUndefined();
    expect(opened.signer).toEqual({
      publicKey: toBase64(signer.publicKeyRaw),
      fingerprint: await publicKeyFingerprint(crypto, signer.publicKeyRaw),
    });
  });

  it.each(BUNDLE_KINDS)('opens an encrypted %s bundle with the passphrase', async (kind) => {
    const { bytes, input } = await makeBundle(kind, { passphrase: PASSPHRASE });
    const opened = await openBundle(bytes, { crypto, passphrase: PASSPHRASE });
    if (!opened.ok) throw new Error(opened.error.messageEn);
    expect(opened.payload).toEqual(input.payload);
    expect(opened.manifest.encryption).toMatchObject({
      algorithm: 'AES-GCM',
      kdf: 'PBKDF2-SHA256',
      iterations: 600_000,
    });
    expect([...outerEntries(bytes).keys()]).toEqual([
      'manifest.json',
      'signature.json',
      'payload.enc',
    ]);
    // Not even the names of the payload entries are readable without the passphrase.
    expect(new TextDecoder('latin1').decode(bytes)).not.toMatch(/round\.json|scoresheets\.json/);
  });

  it('carries the panel id in round and score bundles', async () => {
    const { bytes, input } = await makeBundle('scores');
    const opened = await openBundle(bytes, { crypto });
    expect(opened.ok && opened.kind === 'scores' && opened.manifest.panelId).toBe(
      input.kind === 'scores' && input.panelId,
    );
  });

  it('writes the same bytes for the same plain input', async () => {
    const signer = await testSigner();
    const input = sampleInput('result', { signer });
    expect(await createBundle(input)).toEqual(await createBundle(input));
  });

  it('uses a fresh salt and IV for every encrypted bundle', async () => {
    const signer = await testSigner();
    const input = sampleInput('scores', { signer, passphrase: PASSPHRASE });
    const params = async () => {
      const manifest = parseJson(outerEntries(await createBundle(input)).get('manifest.json'));
      return (manifest as { encryption: { salt: string; iv: string } }).encryption;
    };
    const [a, b] = [await params(), await params()];
    expect(a.salt).not.toBe(b.salt);
    expect(a.iv).not.toBe(b.iv);
  });

  it('round-trips the full demo round as a result bundle', async () => {
    const demo = generateDemoRound();
    const signer = await testSigner();
    const bytes = await createBundle({
      kind: 'result',
      roundId: demo.round.id,
      payload: { ...demo, changes: [], provenance: { keysVerified: false, panelKeys: [] } },
      deviceId: DEVICE_ID,
      appVersion: APP_VERSION,
      createdAt: CREATED_AT,
      signer,
      crypto,
    });
    const opened = await openBundle(bytes, { crypto, expectedKinds: ['result'] });
    if (!opened.ok) throw new Error(opened.error.messageEn);
    expect(opened.payload).toEqual({
      ...demo,
      changes: [],
      provenance: { keysVerified: false, panelKeys: [] },
    });
    expect(opened.kind === 'result' && opened.payload.scoresheets.length).toBe(
      demo.scoresheets.length,
    );
  });
});

describe('signing elsewhere', () => {
  it('signs through a function holding the key (as Electron main does over IPC)', async () => {
    const keys = await generateSigningKeyPair(crypto);
    const subtle: SubtleCryptoLike = crypto.subtle;
    const seen: Uint8Array[] = [];
    const signer = {
      publicKeyRaw: keys.publicKeyRaw,
      signMessage: async (message: Uint8Array) => {
        seen.push(message);
        const signature = await subtle.sign(
          { name: 'Ed25519' },
          keys.privateKey,
          new Uint8Array(message),
        );
        return new Uint8Array(signature);
      },
    };
    const bytes = await createBundle(sampleInput('scores', { signer }));
    const opened = await openBundle(bytes, { crypto });
    expect(opened.ok && opened.signer.fingerprint).toBe(
      await publicKeyFingerprint(crypto, keys.publicKeyRaw),
    );
    const manifestBytes = outerEntries(bytes).get('manifest.json') ?? new Uint8Array();
    expect(seen).toEqual([manifestSignatureMessage(manifestBytes)]);
  });

  it('refuses a signing function that does not sign for the public key it names', async () => {
    const mine = await testSigner();
    const signer = { publicKeyRaw: mine.publicKeyRaw, signMessage: async () => new Uint8Array(64) };
    const error = await writeError(createBundle(sampleInput('round', { signer })));
    expect(error.error.code).toBe('badSignature');
  });
});

describe('createBundle refuses to write what no reader would accept', () => {
  it('refuses a payload that breaks the schema, naming the record and field', async () => {
    const signer = await testSigner();
    const input = sampleInput('scores', { signer });
    if (input.kind !== 'scores') throw new Error('unexpected kind');
    const [first, ...rest] = input.payload.scoresheets;
    if (!first) throw new Error('no sheets');
    const broken = { ...first, revision: -1 };
    const error = await writeError(
      createBundle({ ...input, payload: { ...input.payload, scoresheets: [broken, ...rest] } }),
    );
    expect(error.error.code).toBe('schema');
    expect(error.error.detail).toMatchObject({
      path: 'scoresheets.json',
      index: 0,
      record: first.id,
      field: 'revision',
    });
  });

  it('refuses records of another round', async () => {
    const signer = await testSigner();
    const input = sampleInput('round', { signer });
    const error = await writeError(createBundle({ ...input, roundId: 'some-other-round' }));
    expect(error.error.code).toBe('schema');
    expect(error.error.detail?.field).toBe('id');
  });

  it('refuses an empty passphrase', async () => {
    const signer = await testSigner();
    const error = await writeError(createBundle(sampleInput('scores', { signer, passphrase: '' })));
    expect(error.error.code).toBe('passphraseRequired');
  });

  it('refuses fewer than 600,000 PBKDF2 iterations', async () => {
    const signer = await testSigner();
    const input = sampleInput('scores', { signer, passphrase: PASSPHRASE, iterations: 1000 });
    const error = await writeError(createBundle(input));
    expect(error.error.code).toBe('badManifest');
    expect(error.error.detail?.field).toBe('encryption.iterations');
  });

  it('refuses a signer whose private key does not match its public key', async () => {
    const mine = await testSigner();
    const other = await generateSigningKeyPair(crypto);
    const signer = { privateKey: other.privateKey, publicKeyRaw: mine.publicKeyRaw };
    const error = await writeError(createBundle(sampleInput('round', { signer })));
    expect(error.error.code).toBe('badSignature');
  });
});
