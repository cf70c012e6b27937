// Hashing and checking experts' 4–6 digit PINs with WebCrypto: SHA-256 over a random
// per-expert salt followed by the PIN. A PIN keeps colleagues on a shared panel laptop
// from scoring under each other's names; it is not meant to resist a determined attacker
// with the laptop's disk (six digits are too few for that whatever the hash).
import type { ExpertPinRecord } from '../../db/repositories/expertPinRepository';

export const PIN_PATTERN = /^\d{4,6}$/;

export const isValidPin = (pin: string): boolean => PIN_PATTERN.test(pin);

export type PinCrypto = Pick<Crypto, 'getRandomValues'> & { subtle: Pick<SubtleCrypto, 'digest'> };

const toHex = (bytes: Uint8Array): string =>
  [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

const fromHex = (hex: string): Uint8Array<ArrayBuffer> => {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
};

export async function hashPin(pin: string, saltHex: string, crypto: PinCrypto): Promise<string> {
  const salt = fromHex(saltHex);
  const pinBytes = new TextEncoder().encode(pin);
  const data = new Uint8Array(salt.length + pinBytes.length);
  data.set(salt, 0);
  data.set(pinBytes, salt.length);
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', data)));
}

export async function createPinRecord(
  pin: string,
  deps: { crypto: PinCrypto; now: () => string },
): Promise<Extract<ExpertPinRecord, { kind: 'pin' }>> {
  if (!isValidPin(pin)) throw new Error('A PIN has 4 to 6 digits');
  const salt = toHex(deps.crypto.getRandomValues(new Uint8Array(16)));
  return { kind: 'pin', salt, hash: await hashPin(pin, salt, deps.crypto), setAt: deps.now() };
}

/** True when `pin` is the expert's PIN. A record without a PIN accepts nothing. */
export async function verifyPin(
  pin: string,
  record: ExpertPinRecord | undefined,
  crypto: PinCrypto,
): Promise<boolean> {
  if (record?.kind !== 'pin' || !isValidPin(pin)) return false;
  const hash = await hashPin(pin, record.salt, crypto);
  // Compare every character: no early exit on the first difference.
  let difference = hash.length ^ record.hash.length;
  for (let i = 0; i < hash.length; i += 1) {
    difference |= hash.charCodeAt(i) ^ (record.hash.charCodeAt(i) || 0);
  }
  return difference === 0;
}

export const hasPin = (record: ExpertPinRecord | undefined): boolean => record?.kind === 'pin';
