// Ed25519 signing keys for the CLI. A PKCS#8 Ed25519 private key is a fixed 16-byte prefix
// followed by the 32-byte seed, so:
//   - demo keys derive from the demo seed (SHA-256 of a label and the seed): the demo's
//     bundles are byte-identical for a seed (Ed25519 signatures are deterministic);
//   - the merge key is created once, from 32 random bytes, at $PINGGU_HOME/cli-key.json
//     (else ~/.pinggu/cli-key.json), mode 0600, in the app's device-key file format, so an
//     app key file works with --key too. It is never replaced: a bad file is an error.
import { createHash, createPrivateKey, createPublicKey, randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { importPrivateKeyPkcs8, publicKeyFingerprint } from '../shared/bundle/bundleCrypto';
import type { BundleSigner } from '../shared/bundle/bundleCrypto';
import { fromBase64, toBase64 } from '../shared/bundle/encoding';
import { CliFailure, describeFsError, pingguHome } from './io';
import type { CliIo } from './io';

export const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
export const CLI_KEY_FILE_NAME = 'cli-key.json';
const KEY_FILE_FORMAT = 'pinggu-device-key';
const MAX_KEY_FILE_BYTES = 16 * 1024;

export type CliSigner = { signer: BundleSigner; fingerprint: string };

const crypto = globalThis.crypto;

/** PKCS#8 DER of the Ed25519 key with this 32-byte seed. */
export const pkcs8FromSeed = (seed: Uint8Array): Buffer =>
  Buffer.concat([PKCS8_ED25519_PREFIX, seed]);

/** A signer from PKCS#8 DER; throws (caller reports) if it is not an Ed25519 private key. */
export async function signerFromPkcs8(pkcs8: Uint8Array): Promise<CliSigner> {
  const keyObject = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
  if (keyObject.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 key');
  const jwk = createPublicKey(keyObject).export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('no public key');
  const publicKeyRaw = new Uint8Array(Buffer.from(jwk.x, 'base64url'));
  const privateKey = await importPrivateKeyPkcs8(crypto, new Uint8Array(pkcs8));
  return {
    signer: { privateKey, publicKeyRaw },
    fingerprint: await publicKeyFingerprint(crypto, publicKeyRaw),
  };
}

/** The demo's key for a role ('secretariat', a panel id): the same for the same seed. */
export function demoSigner(seed: number, role: string): Promise<CliSigner> {
  const keySeed = createHash('sha256').update(`pinggu-demo-key\n${role}\n${seed}`).digest();
  return signerFromPkcs8(pkcs8FromSeed(keySeed));
}

/** PKCS#8 DER from a key file: the app's JSON key file, PEM, or DER. */
function pkcs8FromFile(bytes: Buffer): Buffer {
  const text = bytes.toString('utf8').trim();
  if (text.startsWith('{')) {
    const parsed: unknown = JSON.parse(text);
    const encoded =
      typeof parsed === 'object' && parsed !== null && 'privateKeyPkcs8' in parsed
        ? parsed.privateKeyPkcs8
        : undefined;
    const der = typeof encoded === 'string' ? fromBase64(encoded) : undefined;
    if (der === undefined) throw new Error('no privateKeyPkcs8 field');
    return Buffer.from(der);
  }
  if (text.startsWith('-----BEGIN')) {
    return createPrivateKey({ key: text, format: 'pem' }).export({ format: 'der', type: 'pkcs8' });
  }
  return bytes;
}

async function readKeyFile(file: string): Promise<CliSigner> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (!info.isFile() || info.size > MAX_KEY_FILE_BYTES) throw new Error('not a key file');
    bytes = await readFile(file);
  } catch (error) {
    throw new CliFailure(`cannot read the key file ${file}: ${describeFsError(error)}`);
  }
  try {
    return await signerFromPkcs8(pkcs8FromFile(bytes));
  } catch {
    throw new CliFailure(
      `the key file ${file} holds no Ed25519 private key (expected the app's JSON key file, PKCS#8 PEM or DER)`,
    );
  }
}

async function createKeyFile(file: string, now: string): Promise<void> {
  const pkcs8 = pkcs8FromSeed(randomBytes(32));
  const { signer } = await signerFromPkcs8(pkcs8);
  const contents = {
    format: KEY_FILE_FORMAT,
    version: 1,
    algorithm: 'Ed25519',
    publicKey: toBase64(signer.publicKeyRaw),
    privateKeyPkcs8: toBase64(new Uint8Array(pkcs8)),
    createdAt: now,
  };
  try {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    // 'wx': never replace a key that appeared meanwhile (another first run).
    const handle = await open(file, 'wx', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify(contents, null, 2)}\n`, 'utf8');
    } finally {
      await handle.close();
    }
    if (process.platform !== 'win32') await chmod(file, 0o600);
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'EEXIST') {
      return;
    }
    throw new CliFailure(`cannot create the key file ${file}: ${describeFsError(error)}`);
  }
}

/** The key merge signs with: --key FILE, else the CLI's own key, created on first use. */
export async function loadCliSigner(
  io: CliIo,
  keyFile: string | undefined,
): Promise<CliSigner & { file: string; created: boolean }> {
  if (keyFile !== undefined) {
    const file = path.resolve(io.cwd, keyFile);
    return { ...(await readKeyFile(file)), file, created: false };
  }
  const file = path.join(pingguHome(io), CLI_KEY_FILE_NAME);
  const exists = await stat(file).then(
    () => true,
    () => false,
  );
  if (!exists) await createKeyFile(file, io.now());
  return { ...(await readKeyFile(file)), file, created: !exists };
}
