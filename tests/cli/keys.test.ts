import { generateKeyPairSync } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliFailure } from '../../cli/io';
import { demoSigner, loadCliSigner, pkcs8FromSeed, signerFromPkcs8 } from '../../cli/keys';
import { signManifest, verifyManifestSignature } from '../../shared/bundle/bundleCrypto';
import { captureIo, tempDir } from '../helpers/cli';

describe('CLI signing keys', () => {
  it('derives the same demo key for the same seed and role, and different keys otherwise', async () => {
    const a = await demoSigner(1, 'secretariat');
    expect((await demoSigner(1, 'secretariat')).fingerprint).toBe(a.fingerprint);
    expect((await demoSigner(2, 'secretariat')).fingerprint).not.toBe(a.fingerprint);
    expect((await demoSigner(1, 'panel-1')).fingerprint).not.toBe(a.fingerprint);
  });

  it('builds from a 32-byte seed a PKCS#8 key whose public half Node derives the same way', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const der = privateKey.export({ format: 'der', type: 'pkcs8' });
    expect(pkcs8FromSeed(der.subarray(16)).equals(der)).toBe(true);
    const { signer } = await signerFromPkcs8(der);
    if (!('privateKey' in signer)) throw new Error('expected a key signer');
    const manifest = new TextEncoder().encode('{"kind":"scores"}');
    const signature = await signManifest(globalThis.crypto, signer.privateKey, manifest);
    expect(
      await verifyManifestSignature(globalThis.crypto, signer.publicKeyRaw, manifest, signature),
    ).toBe(true);
  });

  it('creates the CLI key once under PINGGU_HOME with mode 0600 and reuses it', async () => {
    const home = await tempDir();
    const io = captureIo(home, { PINGGU_HOME: path.join(home, 'state') });
    const first = await loadCliSigner(io, undefined);
    expect(first.created).toBe(true);
    expect(first.file).toBe(path.join(home, 'state', 'cli-key.json'));
    expect((await stat(first.file)).mode & 0o777).toBe(0o600);
    const file = JSON.parse(await readFile(first.file, 'utf8'));
    expect(file).toMatchObject({ format: 'pinggu-device-key', version: 1, algorithm: 'Ed25519' });
    const second = await loadCliSigner(io, undefined);
    expect(second.created).toBe(false);
    expect(second.fingerprint).toBe(first.fingerprint);
  });

  it('never replaces a damaged key file: it names the file instead', async () => {
    const home = await tempDir();
    const keyFile = path.join(home, 'cli-key.json');
    await writeFile(keyFile, 'not json');
    const io = captureIo(home, { PINGGU_HOME: home });
    await expect(loadCliSigner(io, undefined)).rejects.toThrow(CliFailure);
    await expect(loadCliSigner(io, undefined)).rejects.toThrow(keyFile);
    expect(await readFile(keyFile, 'utf8')).toBe('not json');
  });

  it('names a --key file that does not exist', async () => {
    const io = captureIo(await tempDir());
    await expect(loadCliSigner(io, 'nope.pem')).rejects.toThrow(
      /cannot read the key file .*nope\.pem: no such file or folder/,
    );
  });
});
