// Builders for bundle tests: a valid payload of every kind (valid HLCs, submitted, draft
// and recused sheets, Chinese text), a signer, and tools to take a bundle apart and put a
// hostile one together with a valid signature, so a test reaches the check it is about.
import { createBundle } from '../../shared/bundle/bundle';
import type { CreateBundleInput } from '../../shared/bundle/bundle';
import { generateSigningKeyPair, sha256Hex, signManifest } from '../../shared/bundle/bundleCrypto';
import type { SigningKeyPair } from '../../shared/bundle/bundleCrypto';
import { canonicalJson } from '../../shared/bundle/canonicalJson';
import { toBase64, utf8Encode } from '../../shared/bundle/encoding';
import { publicKeyFingerprint } from '../../shared/bundle/bundleCrypto';
import { CONTAINER_ENTRIES, LIMITS, PAYLOAD_KEY_BY_ENTRY } from '../../shared/bundle/format';
import type { PayloadByKind } from '../../shared/bundle/payload';
import { readZipSafely, writeZip } from '../../shared/bundle/zip';
import type { ZipEntryInput } from '../../shared/bundle/zip';
import { formatHlc } from '../../shared/domain/hlc';
import { secondaryIndicators } from '../../shared/domain/templates';
import type { BundleKind, Scoresheet } from '../../shared/domain/types';
import { buildAuditEntry, buildDecision, buildRoundRecords, TEST_TIME } from './builders';

export const testCrypto = globalThis.crypto;
export const CREATED_AT = '2024-05-11T08:30:00.000Z';
export const DEVICE_ID = 'secretariat-laptop';
export const APP_VERSION = '0.1.0';

const HLC_MS = Date.parse(TEST_TIME);

/** A round's records with sheets in every state: submitted, draft and recused. */
export function sampleRecords() {
  const records = buildRoundRecords({ status: 'issued' });
  const [template] = records.templates;
  const scoresheets = records.scoresheets.map((sheet, i): Scoresheet => {
    const withClock = {
      ...sheet,
      hlc: formatHlc({ ms: HLC_MS + i * 1000, counter: i, deviceId: 'panel-laptop-1' }),
      deviceId: 'panel-laptop-1',
    };
    if (i === 0 && template) {
      const scores = Object.fromEntries(
        secondaryIndicators(template).map((s) => [s.id, s.maxPoints]),
      );
      return {
        ...withClock,
        scores,
        comments: { [template.primaries[0]?.id ?? 'x']: '研究方向明确，成果突出。' },
        overallComment: '建议纳入新体系。',
        recommendation: { disposition: { code: 'include', targetType: 'A1' }, reason: '' },
        status: 'submitted',
        submittedAt: TEST_TIME,
        revision: 7,
      };
    }
    if (i === 1) {
      return {
        ...withClock,
        recusal: { reason: '与依托单位存在合作关系', source: 'declared', at: TEST_TIME },
      };
    }
    return withClock;
  });
  return { ...records, scoresheets };
}

export type SampleRecords = ReturnType<typeof sampleRecords>;

export function samplePayload<K extends BundleKind>(kind: K, r?: SampleRecords): PayloadByKind[K];
export function samplePayload(
  kind: BundleKind,
  r: SampleRecords = sampleRecords(),
): PayloadByKind[BundleKind] {
  const roundPart = {
    round: r.round,
    templates: r.templates,
    bases: r.bases,
    panels: [r.panel],
    experts: r.experts,
    assignments: r.assignments,
    changes: [],
  };
  const audit = [
    buildAuditEntry(r.round.id, { action: 'scoresheet.submit', detail: '提交评分表' }),
  ];
  const decisions = r.bases.map((b) => buildDecision(b, { reason: '综合评议' }));
  switch (kind) {
    case 'round':
      return roundPart;
    case 'scores':
      return { scoresheets: r.scoresheets, audit };
    case 'result':
      return {
        ...roundPart,
        scoresheets: r.scoresheets,
        decisions,
        provenance: { keysVerified: false, panelKeys: [] },
      };
    case 'backup':
      return backupPayload(r, decisions, audit);
    case 'registry':
      return sampleRegistryPayload();
  }
}

/** A department's registry bundle payload: an active base with history, one under rectification. */
export function sampleRegistryPayload(): PayloadByKind['registry'] {
  const history = {
    roundId: 'round-2023',
    roundName: '2023年度定期评估',
    year: 2023,
    version: 1,
    method: 'trimmedMean' as const,
  };
  return {
    registry: {
      year: 2025,
      title: '2025年度省级科技创新基地定期评估名单',
      selection: { purpose: 'periodic', categories: ['A', 'B'], rectifyDueBy: '2025-06-30' },
      bases: [
        {
          code: 'LN-A1-001',
          name: '辽宁省先进材料重点实验室',
          type: 'A1',
          hostInstitution: '东北大学',
          city: '沈阳',
          director: '王建国',
          yearEstablished: 2008,
          field: '新材料',
          category: 'A',
          status: 'active',
          previousType: 'keyLaboratory',
          enteredYear: 2008,
          history: [
            { ...history, aggregate: 91.25, grade: 'excellent', disposition: 'keepAdjust' },
          ],
        },
        {
          code: 'LN-B4-017',
          name: '辽宁省智能装备专业技术创新中心',
          type: 'B4',
          hostInstitution: '新松机器人',
          city: '沈阳',
          director: '李明',
          yearEstablished: 2015,
          field: '智能制造',
          category: 'B',
          status: 'rectifying',
          rectifyUntil: '2024-07-15',
          enteredYear: 2015,
          history: [{ ...history, aggregate: 55.5, grade: 'fail', disposition: 'rectify' }],
        },
      ],
    },
  };
}

function backupPayload(
  r: ReturnType<typeof sampleRecords>,
  decisions: PayloadByKind['result']['decisions'],
  audit: PayloadByKind['scores']['audit'],
): PayloadByKind['backup'] {
  const [local] = r.scoresheets;
  const conflicts = local
    ? [
        {
          id: 'conflict-1',
          roundId: r.round.id,
          scoresheetId: local.id,
          local,
          incoming: {
            ...local,
            overallComment: '另一台电脑上的修改',
            revision: local.revision + 1,
          },
          detectedAt: TEST_TIME,
          sourceImportId: 'import-1',
        },
      ]
    : [];
  return {
    rounds: [r.round],
    templates: r.templates,
    bases: r.bases,
    panels: [r.panel],
    experts: r.experts,
    assignments: r.assignments,
    scoresheets: r.scoresheets,
    decisions,
    changes: [],
    registryRounds: [],
    registryApprovals: [],
    registryHistory: [],
    conflicts,
    imports: [
      {
        id: 'import-1',
        roundId: r.round.id,
        kind: 'scores',
        fileName: '沈阳一组-评分.pgb',
        deviceId: 'panel-laptop-1',
        fingerprint: 'ABCD-EF01-2345-6789',
        importedAt: TEST_TIME,
        counts: { added: 6, updated: 0, unchanged: 0, conflicts: 1, refused: 0 },
      },
    ],
    audit: audit.map((entry, i) => ({ ...entry, seq: i + 1 })),
    settings: [
      { key: 'deviceId', value: DEVICE_ID },
      { key: 'language', value: 'zh-CN' },
    ],
  };
}

let cachedSigner: Promise<SigningKeyPair> | undefined;

/** One key pair per test file (generation is cheap, but a shared signer reads better). */
export const testSigner = (): Promise<SigningKeyPair> =>
  (cachedSigner ??= generateSigningKeyPair(testCrypto));

type CommonInput = Omit<CreateBundleInput, 'kind' | 'payload' | 'roundId' | 'panelId'>;

/** createBundle's input for a kind with the sample payload (overridable). */
export function sampleInput(
  kind: BundleKind,
  common: Partial<CommonInput> & { signer: CommonInput['signer'] },
  r: SampleRecords = sampleRecords(),
): CreateBundleInput {
  const base = {
    deviceId: DEVICE_ID,
    appVersion: APP_VERSION,
    createdAt: CREATED_AT,
    crypto: testCrypto,
    ...common,
  };
  const ids = { roundId: r.round.id, panelId: r.panel.id };
  switch (kind) {
    case 'round':
      return { ...base, ...ids, kind, payload: samplePayload('round', r) };
    case 'scores':
      return { ...base, ...ids, kind, payload: samplePayload('scores', r) };
    case 'result':
      return { ...base, kind, roundId: r.round.id, payload: samplePayload('result', r) };
    case 'backup':
      return { ...base, kind, roundId: r.round.id, payload: samplePayload('backup', r) };
    case 'registry':
      return { ...base, kind, payload: samplePayload('registry', r) };
  }
}

/** A valid bundle of a kind with the sample payload, and the input it was made from. */
export async function makeBundle(
  kind: BundleKind,
  options: { passphrase?: string; signer?: SigningKeyPair } = {},
): Promise<{ bytes: Uint8Array; input: CreateBundleInput }> {
  const signer = options.signer ?? (await testSigner());
  const input = sampleInput(kind, {
    signer,
    ...(options.passphrase === undefined ? {} : { passphrase: options.passphrase }),
  });
  return { bytes: await createBundle(input), input };
}

// ---- taking bundles apart and building hostile ones ----------------------------------

const CONTAINER_NAMES = new Set<string>(CONTAINER_ENTRIES);

/** The outer entries of a valid bundle, in order. */
export function outerEntries(bytes: Uint8Array): Map<string, Uint8Array> {
  const read = readZipSafely(bytes, {
    limits: LIMITS,
    allowedNames: CONTAINER_NAMES,
    allowDeflate: false,
  });
  if (!read.ok) throw new Error(`not a readable bundle: ${read.error.code}`);
  return new Map(read.value.entries);
}

/** The inner payload entries of a plain bundle. */
export function innerEntries(bytes: Uint8Array): Map<string, Uint8Array> {
  const container = outerEntries(bytes).get('payload.zip');
  if (!container) throw new Error('not a plain bundle');
  const read = readZipSafely(container, {
    limits: LIMITS,
    allowedNames: new Set(PAYLOAD_KEY_BY_ENTRY.keys()),
    allowDeflate: true,
  });
  if (!read.ok) throw new Error(`unreadable payload: ${read.error.code}`);
  return new Map(read.value.entries);
}

export const stored = (entries: ReadonlyArray<[string, Uint8Array]>): ZipEntryInput[] =>
  entries.map(([name, data]) => ({ name, data, compress: false }));

export const jsonBytes = (value: unknown): Uint8Array => utf8Encode(canonicalJson(value));

export function parseJson(bytes: Uint8Array | undefined): unknown {
  return JSON.parse(new TextDecoder().decode(bytes));
}

export type CraftOptions = {
  /** The manifest object; `entries` is filled in unless `keepEntries`. */
  manifest: Record<string, unknown>;
  /** The payload container's bytes (default: an inner zip of `payload`). */
  container?: Uint8Array;
  /** Raw inner entries; each value is JSON-encoded unless it is already bytes. */
  payload?: Record<string, unknown>;
  signer?: SigningKeyPair;
  keepEntries?: boolean;
  /** Writes manifest.json exactly as these bytes (e.g. not canonical). */
  manifestBytes?: (manifest: Record<string, unknown>) => Uint8Array;
  extraOuter?: Array<[string, Uint8Array]>;
};

/** A bundle from arbitrary parts, correctly hashed and signed. */
export async function craftBundle(options: CraftOptions): Promise<Uint8Array> {
  const signer = options.signer ?? (await testSigner());
  const container =
    options.container ??
    writeZip(
      Object.entries(options.payload ?? {}).map(([name, value]) => ({
        name,
        data: value instanceof Uint8Array ? value : jsonBytes(value),
      })),
    );
  const path = options.manifest.encryption === undefined ? 'payload.zip' : 'payload.enc';
  const manifest = options.keepEntries
    ? options.manifest
    : {
        ...options.manifest,
        entries: [
          { path, bytes: container.length, sha256: await sha256Hex(testCrypto, container) },
        ],
      };
  const manifestBytes = options.manifestBytes?.(manifest) ?? jsonBytes(manifest);
  const signature = await signManifest(testCrypto, signer.privateKey, manifestBytes);
  const signatureFile = {
    algorithm: 'Ed25519',
    publicKey: toBase64(signer.publicKeyRaw),
    fingerprint: await publicKeyFingerprint(testCrypto, signer.publicKeyRaw),
    signature: toBase64(signature),
  };
  return writeZip(
    stored([
      ['manifest.json', manifestBytes],
      ['signature.json', jsonBytes(signatureFile)],
      [path, container],
      ...(options.extraOuter ?? []),
    ]),
  );
}

/** The manifest and payload entries of a valid plain bundle, ready to be altered and re-signed. */
export function partsOf(bytes: Uint8Array): {
  manifest: Record<string, unknown>;
  payload: Record<string, unknown>;
} {
  const manifest = parseJson(outerEntries(bytes).get('manifest.json'));
  if (typeof manifest !== 'object' || manifest === null) throw new Error('no manifest');
  const payload: Record<string, unknown> = {};
  for (const [name, data] of innerEntries(bytes)) payload[name] = parseJson(data);
  return { manifest: { ...manifest }, payload };
}
