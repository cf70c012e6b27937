// The slice of WebCrypto the bundle code uses, declared here because shared/ is type-checked
// without the DOM library. Both Chromium's `globalThis.crypto` and Node 20's satisfy
// `WebCryptoLike`; callers pass theirs in (tests/shared/bundle/cryptoTypes.test.ts checks
// both compile). Methods use method syntax on purpose: their parameters are then compared
// bivariantly, so the platforms' wider overloads are assignable to these narrow ones.
// generateKey may return a single key in Node's typings (its overloads predate Ed25519),
// hence the union; bundleCrypto.ts checks for a pair at run time.

/** Bytes backed by a plain ArrayBuffer, as WebCrypto's BufferSource requires. */
export type CryptoBytes = Uint8Array<ArrayBuffer>;

export type CryptoKeyLike = {
  readonly type: string;
  readonly extractable: boolean;
  readonly algorithm: { readonly name: string };
  readonly usages: readonly string[];
};

export type CryptoKeyPairLike = {
  readonly publicKey: CryptoKeyLike;
  readonly privateKey: CryptoKeyLike;
};

export type Ed25519Algorithm = { name: 'Ed25519' };

export type KeyUsageLike = 'sign' | 'verify' | 'encrypt' | 'decrypt' | 'deriveKey';

export type Pbkdf2Algorithm = {
  name: 'PBKDF2';
  salt: CryptoBytes;
  iterations: number;
  hash: 'SHA-256';
};

export type AesGcmAlgorithm = {
  name: 'AES-GCM';
  iv: CryptoBytes;
  additionalData?: CryptoBytes;
  tagLength?: number;
};

export type SubtleCryptoLike = {
  digest(algorithm: 'SHA-256', data: CryptoBytes): Promise<ArrayBuffer>;
  generateKey(
    algorithm: Ed25519Algorithm,
    extractable: boolean,
    keyUsages: Array<'sign' | 'verify'>,
  ): Promise<CryptoKeyPairLike | CryptoKeyLike>;
  importKey(
    format: 'raw' | 'pkcs8',
    keyData: CryptoBytes,
    algorithm: Ed25519Algorithm | { name: 'PBKDF2' },
    extractable: boolean,
    keyUsages: KeyUsageLike[],
  ): Promise<CryptoKeyLike>;
  exportKey(format: 'raw' | 'pkcs8', key: CryptoKeyLike): Promise<ArrayBuffer>;
  sign(algorithm: Ed25519Algorithm, key: CryptoKeyLike, data: CryptoBytes): Promise<ArrayBuffer>;
  verify(
    algorithm: Ed25519Algorithm,
    key: CryptoKeyLike,
    signature: CryptoBytes,
    data: CryptoBytes,
  ): Promise<boolean>;
  deriveKey(
    algorithm: Pbkdf2Algorithm,
    baseKey: CryptoKeyLike,
    derivedKeyType: { name: 'AES-GCM'; length: 256 },
    extractable: boolean,
    keyUsages: KeyUsageLike[],
  ): Promise<CryptoKeyLike>;
  encrypt(algorithm: AesGcmAlgorithm, key: CryptoKeyLike, data: CryptoBytes): Promise<ArrayBuffer>;
  decrypt(algorithm: AesGcmAlgorithm, key: CryptoKeyLike, data: CryptoBytes): Promise<ArrayBuffer>;
};

/** `globalThis.crypto` in Chromium and Node 20: subtle operations and random bytes. */
export type WebCryptoLike = {
  readonly subtle: SubtleCryptoLike;
  getRandomValues(array: CryptoBytes): CryptoBytes;
};
