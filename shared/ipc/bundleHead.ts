// What a backup list shows about a file without opening it: its kind, time, round and signer
// fingerprint, read from the first two zip entries. createBundle writes manifest.json and
// signature.json first and stores them uncompressed, so they sit in the first few KiB.
// This is for display only; restoring opens the bundle in full (hashes, signature, schemas).
import { FORMAT_NAME, MANIFEST_ENTRY, MAX_MANIFEST_BYTES, SIGNATURE_ENTRY } from '../bundle/format';
import { MAX_SIGNATURE_BYTES } from '../bundle/format';
import { FINGERPRINT_PATTERN } from '../bundle/manifest';
import { utf8Decode } from '../bundle/encoding';
import { LOCAL_HEADER_BYTES, LOCAL_SIGNATURE, METHOD_STORED, u16, u32 } from '../bundle/zipLayout';

/** Enough bytes from the start of a bundle for readBundleHead. */
export const BUNDLE_HEAD_BYTES =
  2 * LOCAL_HEADER_BYTES +
  MANIFEST_ENTRY.length +
  SIGNATURE_ENTRY.length +
  MAX_MANIFEST_BYTES +
  MAX_SIGNATURE_BYTES;

export type BundleHead = {
  readonly kind: string;
  readonly createdAt: string;
  readonly roundId: string | null;
  readonly fingerprint: string;
};

type Entry = { name: string; data: Uint8Array; next: number };

const readStoredEntry = (bytes: Uint8Array, at: number): Entry | null => {
  if (at + LOCAL_HEADER_BYTES > bytes.length || u32(bytes, at) !== LOCAL_SIGNATURE) return null;
  if (u16(bytes, at + 8) !== METHOD_STORED) return null;
  const size = u32(bytes, at + 18);
  const nameLength = u16(bytes, at + 26);
  const extraLength = u16(bytes, at + 28);
  const nameStart = at + LOCAL_HEADER_BYTES;
  const dataStart = nameStart + nameLength + extraLength;
  const next = dataStart + size;
  if (next > bytes.length) return null;
  const name = utf8Decode(bytes.subarray(nameStart, nameStart + nameLength));
  return { name, data: bytes.subarray(dataStart, next), next };
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const parseObject = (data: Uint8Array): Record<string, unknown> | null => {
  try {
    const value: unknown = JSON.parse(utf8Decode(data));
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
};

/** The manifest's kind, time and round and the signer's fingerprint, or null if unreadable. */
export const readBundleHead = (head: Uint8Array): BundleHead | null => {
  const manifestEntry = readStoredEntry(head, 0);
  if (manifestEntry?.name !== MANIFEST_ENTRY || manifestEntry.data.length > MAX_MANIFEST_BYTES) {
    return null;
  }
  const signatureEntry = readStoredEntry(head, manifestEntry.next);
  if (
    signatureEntry?.name !== SIGNATURE_ENTRY ||
    signatureEntry.data.length > MAX_SIGNATURE_BYTES
  ) {
    return null;
  }
  const manifest = parseObject(manifestEntry.data);
  const signature = parseObject(signatureEntry.data);
  if (manifest === null || signature === null || manifest.format !== FORMAT_NAME) return null;
  const { kind, createdAt, roundId } = manifest;
  const { fingerprint } = signature;
  if (typeof kind !== 'string' || typeof createdAt !== 'string') return null;
  if (typeof fingerprint !== 'string' || !FINGERPRINT_PATTERN.test(fingerprint)) return null;
  return { kind, createdAt, roundId: typeof roundId === 'string' ? roundId : null, fingerprint };
};
