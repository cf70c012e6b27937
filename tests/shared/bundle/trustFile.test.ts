// The trust file: built from the pins a person confirmed (in the panels' order), written as
// canonical JSON, read back strictly, and refused in one sentence when it is not JSON, not a
// trust file, of a newer version, against its schema, or when a fingerprint is not its key's.
import { describe, expect, it } from 'vitest';
import { generateSigningKeyPair, publicKeyFingerprint } from '../../../shared/bundle/bundleCrypto';
import { toBase64, utf8Decode, utf8Encode } from '../../../shared/bundle/encoding';
import {
  buildTrustFile,
  parseTrustFile,
  trustedKeyFor,
  trustFileBytes,
  trustFileName,
} from '../../../shared/bundle/trustFile';
import type { TrustFile } from '../../../shared/bundle/trustFile';
import type { TrustedKey } from '../../../shared/domain/types';

const crypto = globalThis.crypto;

async function pinOf(
  panelId: string,
  deviceId: string,
  accepted: { by: string; at: string } | undefined,
): Promise<TrustedKey> {
  const key = await generateSigningKeyPair(crypto);
  return {
    id: `pin-${panelId}-${deviceId}`,
    roundId: 'round-1',
    role: 'panelDevice',
    panelId,
    deviceId,
    publicKey: toBase64(key.publicKeyRaw),
    fingerprint: await publicKeyFingerprint(crypto, key.publicKeyRaw),
    firstSeenAt: '2024-05-12T08:00:00.000Z',
    ...(accepted ? { acceptedBy: accepted.by, acceptedAt: accepted.at } : {}),
  };
}

const ROUND = { id: 'round-1', name: '2024年度定期评估' };
const PANELS = [
  { id: 'panel-b', name: '沈阳组' },
  { id: 'panel-a', name: '大连组' },
];
const WANG = { by: '秘书处 王芳', at: '2024-05-13T09:00:00.000Z' };

async function sampleFile(): Promise<{ file: TrustFile; pins: TrustedKey[] }> {
  const pins = [
    await pinOf('panel-a', 'laptop-2', WANG),
    await pinOf('panel-b', 'laptop-9', WANG),
    await pinOf('panel-a', 'laptop-1', { by: '秘书处 李强', at: '2024-05-13T10:00:00.000Z' }),
    // Pinned before a tick was asked for: nobody vouches for it, so the file leaves it out.
    await pinOf('panel-b', 'laptop-3', undefined),
    { ...(await pinOf('x', 'y', WANG)), role: 'secretariat' as const, panelId: undefined },
  ];
  const file = buildTrustFile({
    round: ROUND,
    panels: PANELS,
    pins,
    exportedAt: '2024-05-14T08:00:00.000Z',
  });
  return { file, pins };
}

describe('buildTrustFile', () => {
  it('lists the confirmed panel keys in the panels’ order, with who pinned each and when', async () => {
    const { file, pins } = await sampleFile();
    expect(file).toMatchObject({
      format: 'pinggu-trust',
      version: 1,
      roundId: 'round-1',
      roundName: '2024年度定期评估',
      exportedAt: '2024-05-14T08:00:00.000Z',
    });
    expect(file.keys.map((k) => [k.panelName, k.deviceId, k.pinnedBy, k.pinnedAt])).toEqual([
      ['沈阳组', 'laptop-9', '秘书处 王芳', '2024-05-13T09:00:00.000Z'],
      ['大连组', 'laptop-1', '秘书处 李强', '2024-05-13T10:00:00.000Z'],
      ['大连组', 'laptop-2', '秘书处 王芳', '2024-05-13T09:00:00.000Z'],
    ]);
    expect(file.keys[0]?.fingerprint).toBe(pins[1]?.fingerprint);
    expect(file.keys[0]?.publicKey).toBe(pins[1]?.publicKey);
    expect(trustedKeyFor(file, 'panel-a', 'laptop-2')?.fingerprint).toBe(pins[0]?.fingerprint);
    expect(trustedKeyFor(file, 'panel-b', 'laptop-3')).toBeUndefined();
  });

  it('writes canonical JSON and a newline, which reads back as the same file', async () => {
    const { file } = await sampleFile();
    const text = utf8Decode(trustFileBytes(file));
    expect(text.endsWith('}\n')).toBe(true);
    expect(
      text.startsWith('{"exportedAt":"2024-05-14T08:00:00.000Z","format":"pinggu-trust"'),
    ).toBe(true);
    expect(text.slice(0, -1)).not.toMatch(/\s(?=["{[])/);
    expect(await parseTrustFile(trustFileBytes(file), crypto)).toEqual({ ok: true, file });
    // Another spelling of the same content (a person pretty-printed it) reads the same.
    const pretty = utf8Encode(JSON.stringify(file, null, 2));
    expect(await parseTrustFile(pretty, crypto)).toEqual({ ok: true, file });
  });

  it('names the file after the round and the local time', () => {
    const name = trustFileName({ year: 2024, name: '定期/评估' }, new Date(2024, 4, 14, 9, 5));
    expect(name).toBe('评估通-信任密钥-2024-定期_评估-20240514-0905.pgtrust.json');
  });
});

describe('parseTrustFile refuses in one sentence', () => {
  const reasonOf = async (bytes: Uint8Array): Promise<string> => {
    const read = await parseTrustFile(bytes, crypto);
    if (read.ok) throw new Error('a bad trust file was read');
    return read.reason;
  };
  const json = (value: unknown) => utf8Encode(JSON.stringify(value));

  it('what is not a trust file of this version', async () => {
    const { file } = await sampleFile();
    expect(await reasonOf(new Uint8Array())).toBe('the file is empty');
    expect(await reasonOf(utf8Encode('{"format":'))).toBe('it is not JSON');
    expect(await reasonOf(json({ format: 'pinggu-bundle' }))).toBe(
      'it is not a Pinggu trust file (no "format": "pinggu-trust")',
    );
    expect(await reasonOf(json([1, 2]))).toBe(
      'it is not a Pinggu trust file (no "format": "pinggu-trust")',
    );
    expect(await reasonOf(json({ ...file, version: 2 }))).toBe(
      'it is version 2, written by a newer Pinggu: upgrade pinggu',
    );
    expect(await reasonOf(utf8Encode('{"format":"pinggu-trust","__proto__":{}}'))).toBe(
      'it has a key named "__proto__", which a trust file never has',
    );
  });

  it('content against the strict schema, naming where', async () => {
    const { file } = await sampleFile();
    const [first, second] = file.keys;
    if (!first || !second) throw new Error('need two keys');
    expect(await reasonOf(json({ ...file, extra: 1 }))).toMatch(/^the file: /);
    expect(await reasonOf(json({ ...file, keys: [{ ...first, fingerprint: 'abc' }] }))).toBe(
      'keys.0.fingerprint: not a fingerprint like 56A7-ADA6-525D-D92B',
    );
    expect(await reasonOf(json({ ...file, keys: [{ ...first, publicKey: 'AAAA' }] }))).toBe(
      'keys.0.publicKey: not a 32-byte key in base64',
    );
    expect(await reasonOf(json({ ...file, keys: [{ ...first, pinnedBy: '' }] }))).toMatch(
      /^keys\.0\.pinnedBy: /,
    );
    expect(await reasonOf(json({ ...file, keys: [first, { ...second, ...pick(first) }] }))).toBe(
      `keys.1: a second key for panel "${first.panelId}" device "${first.deviceId}"`,
    );
  });

  it('a fingerprint that is not its public key’s', async () => {
    const { file } = await sampleFile();
    const [first, second] = file.keys;
    if (!first || !second) throw new Error('need two keys');
    const swapped = { ...first, fingerprint: second.fingerprint };
    expect(await reasonOf(json({ ...file, keys: [swapped] }))).toBe(
      `keys.0 (panel "${first.panelId}", device "${first.deviceId}"): the fingerprint ` +
        `${second.fingerprint} is not that of its public key (${first.fingerprint})`,
    );
  });
});

const pick = ({ panelId, deviceId }: { panelId: string; deviceId: string }) => ({
  panelId,
  deviceId,
});
