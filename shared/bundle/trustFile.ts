// The secretariat's trust file (信任密钥文件, `*.pgtrust.json`): for one round, the key of each
// panel laptop that a person accepted after comparing its fingerprint with the one on the
// panel's signed paper summary, with who accepted it and when. The app exports and prints it
// (exchange tab); `pinggu merge --trust FILE` refuses a score bundle whose signer is not the
// key the file trusts for its (round, panel, device).
//
// Written as canonical JSON and a newline; read with a strict schema (any JSON spelling of
// valid content is read). Each key carries the raw public key, so a reader compares whole
// keys, not only the 64-bit fingerprints, and checks that each fingerprint is its key's. The
// file is not signed: it is the secretariat's own record, kept like the paper summaries.
import { z } from 'zod';
import type { Panel, Round, TrustedKey } from '../domain/types';
import { publicKeyFingerprint, publicKeyFromBase64 } from './bundleCrypto';
import { canonicalJson } from './canonicalJson';
import type { WebCryptoLike } from './cryptoTypes';
import { utf8Encode } from './encoding';
import { parseJsonBytes } from './json';
import { idSchema, nameSchema, timestampSchema } from './schemas';

export const TRUST_FORMAT = 'pinggu-trust';
export const TRUST_VERSION = 1;
export const TRUST_FILE_EXTENSION = '.pgtrust.json';
/** Far above any real file (a key is about 400 bytes), far below what could hurt a reader. */
export const TRUST_FILE_MAX_BYTES = 4 * 1024 * 1024;
const MAX_KEYS = 10_000;

const FINGERPRINT = /^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/;

export const trustedPanelKeySchema = z.strictObject({
  panelId: idSchema,
  panelName: nameSchema,
  deviceId: idSchema,
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: z
    .string()
    .max(64)
    .refine((text) => publicKeyFromBase64(text) !== undefined, 'not a 32-byte key in base64'),
  fingerprint: z.string().regex(FINGERPRINT, 'not a fingerprint like 56A7-ADA6-525D-D92B'),
  /** When and by whom the key was accepted (the pin's acceptedAt and acceptedBy). */
  pinnedAt: timestampSchema,
  pinnedBy: nameSchema.min(1),
});

export const trustFileSchema = z
  .strictObject({
    format: z.literal(TRUST_FORMAT),
    version: z.literal(TRUST_VERSION),
    roundId: idSchema,
    roundName: nameSchema,
    exportedAt: timestampSchema,
    keys: z.array(trustedPanelKeySchema).max(MAX_KEYS),
  })
  .superRefine((file, context) => {
    const seen = new Set<string>();
    file.keys.forEach((key, index) => {
      const id = canonicalJson([key.panelId, key.deviceId]);
      if (seen.has(id)) {
        context.addIssue({
          code: 'custom',
          path: ['keys', index],
          message: `a second key for panel "${key.panelId}" device "${key.deviceId}"`,
        });
      }
      seen.add(id);
    });
  });

export type TrustedPanelKey = z.output<typeof trustedPanelKeySchema>;
export type TrustFile = z.output<typeof trustFileSchema>;

export type TrustFileInput = {
  round: Pick<Round, 'id' | 'name'>;
  panels: readonly Pick<Panel, 'id' | 'name'>[];
  /** The round's pins (any role; only panel devices' are considered). */
  pins: readonly TrustedKey[];
  exportedAt: string;
};

/** A panel device's pin that a person accepted: what a trust file may carry. */
export const isConfirmedPanelPin = (pin: TrustedKey): boolean =>
  pin.role === 'panelDevice' &&
  pin.panelId !== undefined &&
  pin.deviceId !== undefined &&
  pin.acceptedBy !== undefined &&
  pin.acceptedBy.trim() !== '';

/**
 * The trust file of a round: every confirmed panel-device pin, in the panels' order, then by
 * device id. Pins nobody confirmed (pinned before confirmation was asked for) are left out.
 */
export function buildTrustFile(input: TrustFileInput): TrustFile {
  const order = new Map(input.panels.map((p, i) => [p.id, i]));
  const names = new Map(input.panels.map((p) => [p.id, p.name]));
  const keys = input.pins.filter(isConfirmedPanelPin).map((pin): TrustedPanelKey => ({
    panelId: pin.panelId ?? '',
    panelName: names.get(pin.panelId ?? '') ?? pin.panelId ?? '',
    deviceId: pin.deviceId ?? '',
    publicKey: pin.publicKey,
    fingerprint: pin.fingerprint,
    pinnedAt: pin.acceptedAt ?? pin.firstSeenAt,
    pinnedBy: pin.acceptedBy ?? '',
  }));
  const rank = (k: TrustedPanelKey) => order.get(k.panelId) ?? order.size;
  keys.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.panelId < b.panelId ? -1 : a.panelId > b.panelId ? 1 : 0) ||
      (a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : 0),
  );
  return {
    format: TRUST_FORMAT,
    version: TRUST_VERSION,
    roundId: input.round.id,
    roundName: input.round.name,
    exportedAt: input.exportedAt,
    keys,
  };
}

/** The file's bytes: canonical JSON and a newline, UTF-8. */
export const trustFileBytes = (file: TrustFile): Uint8Array =>
  utf8Encode(`${canonicalJson(trustFileSchema.parse(file))}\n`);

/** `评估通-信任密钥-<year>-<round name>-<yyyymmdd-hhmm>.pgtrust.json` (local time of `at`). */
export function trustFileName(round: Pick<Round, 'year' | 'name'>, at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}`;
  const roundName = round.name
    // eslint-disable-next-line no-control-regex -- control characters are what we replace
    .replace(/[/\\:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 60)
    .trim();
  const parts = ['评估通-信任密钥', String(round.year), roundName, stamp].filter((p) => p !== '');
  return `${parts.join('-')}${TRUST_FILE_EXTENSION}`;
}

export type TrustFileRead = { ok: true; file: TrustFile } | { ok: false; reason: string };

const refused = (reason: string): TrustFileRead => ({ ok: false, reason });

/**
 * Reads a trust file: size, JSON, format and version, the strict schema, then every key's
 * fingerprint against its public key. `reason` is one English sentence (the CLI's language).
 */
export async function parseTrustFile(
  bytes: Uint8Array,
  crypto: WebCryptoLike,
): Promise<TrustFileRead> {
  if (bytes.length === 0) return refused('the file is empty');
  if (bytes.length > TRUST_FILE_MAX_BYTES) {
    return refused(`the file is larger than ${TRUST_FILE_MAX_BYTES / 1024 / 1024} MiB`);
  }
  const parsed = parseJsonBytes(bytes);
  if (!parsed.ok) {
    return refused(
      parsed.reason === 'syntax'
        ? 'it is not JSON'
        : `it has a key named "${parsed.key}", which a trust file never has`,
    );
  }
  const value = parsed.value;
  const head = z.looseObject({ format: z.unknown(), version: z.unknown() }).safeParse(value);
  if (!head.success || head.data.format !== TRUST_FORMAT) {
    return refused(`it is not a Pinggu trust file (no "format": "${TRUST_FORMAT}")`);
  }
  const { version } = head.data;
  if (typeof version === 'number' && Number.isInteger(version) && version > TRUST_VERSION) {
    return refused(`it is version ${version}, written by a newer Pinggu: upgrade pinggu`);
  }
  const checked = trustFileSchema.safeParse(value);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'the file';
    return refused(`${where}: ${issue?.message ?? 'invalid'}`);
  }
  for (const [index, key] of checked.data.keys.entries()) {
    const raw = publicKeyFromBase64(key.publicKey);
    const actual = raw === undefined ? undefined : await publicKeyFingerprint(crypto, raw);
    if (actual !== key.fingerprint) {
      return refused(
        `keys.${index} (panel "${key.panelId}", device "${key.deviceId}"): the fingerprint ` +
          `${key.fingerprint} is not that of its public key (${actual ?? 'unreadable'})`,
      );
    }
  }
  return { ok: true, file: checked.data };
}

/** The key the file trusts for a panel's device, if any. */
export function trustedKeyFor(
  file: TrustFile,
  panelId: string,
  deviceId: string,
): TrustedPanelKey | undefined {
  return file.keys.find((k) => k.panelId === panelId && k.deviceId === deviceId);
}
