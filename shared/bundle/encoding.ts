// Byte encodings without platform globals (shared/ has no btoa, Buffer or TextEncoder in its
// types): hex, strict base64 and UTF-8 through fflate's pure-JS codec. Decoders accept only
// the one canonical spelling of each byte string, so an altered character can never decode
// to the same bytes.
import { strFromU8, strToU8 } from 'fflate';
import type { CryptoBytes } from './cryptoTypes';

export const utf8Encode = (text: string): CryptoBytes => strToU8(text);

export const utf8Decode = (bytes: Uint8Array): string => strFromU8(bytes);

const HEX = '0123456789abcdef';

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += (HEX[byte >> 4] ?? '') + (HEX[byte & 15] ?? '');
  return out;
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const triple = (a << 16) | (b << 8) | c;
    const remaining = bytes.length - i;
    out += BASE64_ALPHABET[(triple >> 18) & 63] ?? '';
    out += BASE64_ALPHABET[(triple >> 12) & 63] ?? '';
    out += remaining > 1 ? (BASE64_ALPHABET[(triple >> 6) & 63] ?? '') : '=';
    out += remaining > 2 ? (BASE64_ALPHABET[triple & 63] ?? '') : '=';
  }
  return out;
}

/** Standard padded base64; undefined for anything that is not the canonical encoding. */
export function fromBase64(text: string): CryptoBytes | undefined {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let triple = 0;
    for (let j = 0; j < 4; j += 1) {
      const ch = text[i + j] ?? '=';
      const value = ch === '=' ? 0 : BASE64_ALPHABET.indexOf(ch);
      triple = (triple << 6) | value;
    }
    if (o < out.length) out[o++] = (triple >> 16) & 255;
    if (o < out.length) out[o++] = (triple >> 8) & 255;
    if (o < out.length) out[o++] = triple & 255;
  }
  // Unused low bits of the last character must be zero, or two spellings would decode alike.
  return toBase64(out) === text ? out : undefined;
}

/** Copies only when the bytes sit on a SharedArrayBuffer-like buffer WebCrypto refuses. */
export function asCryptoBytes(bytes: Uint8Array): CryptoBytes {
  return isArrayBufferBacked(bytes) ? bytes : new Uint8Array(bytes);
}

function isArrayBufferBacked(bytes: Uint8Array): bytes is CryptoBytes {
  return bytes.buffer instanceof ArrayBuffer;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

export function concatBytes(parts: readonly Uint8Array[]): CryptoBytes {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
