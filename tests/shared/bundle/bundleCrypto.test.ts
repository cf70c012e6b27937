import { describe, expect, it } from 'vitest';
import {
  decryptPayload,
  encryptPayload,
  exportPrivateKeyPkcs8,
  generateSigningKeyPair,
  importPrivateKeyPkcs8,
  publicKeyFingerprint,
  sha256Hex,
  signManifest,
  verifyManifestSignature,
} from '../../../shared/bundle/bundleCrypto';
import type { WebCryptoLike } from '../../../shared/bundle/cryptoTypes';
import { toHex } from '../../../shared/bundle/encoding';
import { FINGERPRINT_PATTERN } from '../../../shared/bundle/manifest';

// Compile-time: Chromium's and Node's globalThis.crypto satisfy the injected type.
const crypto: WebCryptoLike = globalThis.crypto;
const text = (value: string) => new TextEncoder().encode(value);

describe('hashing', () => {
  it('computes SHA-256 as lower-case hex', async () => {
    expect(await sha256Hex(crypto, text('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('device keys and fingerprints', () => {
  it('derives a grouped fingerprint from the SHA-256 of the raw public key', async () => {
    const keys = await generateSigningKeyPair(crypto);
    const fingerprint = await publicKeyFingerprint(crypto, keys.publicKeyRaw);
    expect(fingerprint).toMatch(FINGERPRINT_PATTERN);
    const digest = await sha256Hex(crypto, keys.publicKeyRaw);
    expect(fingerprint.replaceAll('-', '')).toBe(digest.slice(0, 16).toUpperCase());
    expect(keys.publicKeyRaw).toHaveLength(32);
  });

  it('keeps a private key non-extractable unless asked otherwise', async () => {
    const locked = await generateSigningKeyPair(crypto);
    expect(locked.privateKey.extractable).toBe(false);
    await expect(exportPrivateKeyPkcs8(crypto, locked.privateKey)).rejects.toThrow();
  });

  it('restores an exported private key that still signs for the same public key', async () => {
    const keys = await generateSigningKeyPair(crypto, { extractable: true });
    const pkcs8 = await exportPrivateKeyPkcs8(crypto, keys.privateKey);
    const restored = await importPrivateKeyPkcs8(crypto, pkcs8);
    expect(restored.extractable).toBe(false);
    const manifest = text('{"kind":"scores"}');
    const signature = await signManifest(crypto, restored, manifest);
    expect(await verifyManifestSignature(crypto, keys.publicKeyRaw, manifest, signature)).toBe(
      true,
    );
  });
});

describe('manifest signatures', () => {
  it('verifies only the exact bytes, with the signing key', async () => {
    const keys = await generateSigningKeyPair(crypto);
    const other = await generateSigningKeyPair(crypto);
    const manifest = text('{"kind":"round","roundId":"r-1"}');
    const signature = await signManifest(crypto, keys.privateKey, manifest);
    expect(signature).toHaveLength(64);
    expect(await verifyManifestSignature(crypto, keys.publicKeyRaw, manifest, signature)).toBe(
      true,
    );
    const altered = text('{"kind":"round","roundId":"r-2"}');
    expect(await verifyManifestSignature(crypto, keys.publicKeyRaw, altered, signature)).toBe(
      false,
    );
    expect(await verifyManifestSignature(crypto, other.publicKeyRaw, manifest, signature)).toBe(
      false,
    );
  });

  it('treats malformed keys and signatures as invalid rather than throwing', async () => {
    const manifest = text('{}');
    expect(
      await verifyManifestSignature(crypto, new Uint8Array(31), manifest, new Uint8Array(64)),
    ).toBe(false);
    expect(
      await verifyManifestSignature(crypto, new Uint8Array(32), manifest, new Uint8Array(64)),
    ).toBe(false);
    expect(
      await verifyManifestSignature(crypto, new Uint8Array(32), manifest, new Uint8Array(3)),
    ).toBe(false);
  });

  it('signs with a context prefix, so a bare signature over the manifest does not verify', async () => {
    const keys = await generateSigningKeyPair(crypto);
    const manifest = text('{"kind":"round"}');
    const bare = new Uint8Array(
      await crypto.subtle.sign({ name: 'Ed25519' }, keys.privateKey, manifest),
    );
    expect(await verifyManifestSignature(crypto, keys.publicKeyRaw, manifest, bare)).toBe(false);
  });
});

describe('passphrase encryption', () => {
  const context = { version: 1, kind: 'scores', roundId: 'round-1', panelId: 'panel-1' };
  const secret = text('{"scores":{"A1-1-1":9.5}}');

  // Fewer PBKDF2 iterations keep this test quick; bundles always use at least 600,000
  // (the manifest schema refuses fewer; bundle.test.ts checks the default).
  const FAST = 1_000;

  it('decrypts with the same passphrase (in either Unicode normal form) and context only', async () => {
    const sealed = await encryptPayload(crypto, 'Café-口令', secret, context, FAST);
    expect(sealed.params).toMatchObject({
      algorithm: 'AES-GCM',
      kdf: 'PBKDF2-SHA256',
      iterations: FAST,
    });
    expect(toHex(sealed.ciphertext)).not.toContain(toHex(secret));
    const nfd = 'Café-口令'.normalize('NFD');
    expect(await decryptPayload(crypto, nfd, sealed.params, sealed.ciphertext, context)).toEqual(
      secret,
    );
    expect(
      await decryptPayload(crypto, 'cafe-口令', sealed.params, sealed.ciphertext, context),
    ).toBeUndefined();
    const moved = { ...context, panelId: 'panel-2' };
    expect(
      await decryptPayload(crypto, nfd, sealed.params, sealed.ciphertext, moved),
    ).toBeUndefined();
  });
});
