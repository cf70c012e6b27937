// The bundle format's fixed vocabulary: name and version, kinds, the entry names each kind
// may contain, and the size limits every reader enforces. docs/bundle-format.md explains
// the layout; this module is the single source of the names and numbers it quotes.
import type { BundleKind } from '../domain/types';

export const FORMAT_NAME = 'pinggu-bundle';
/**
 * 2: round, result and backup bundles carry `changes` (轮次变更); result bundles carry
 * `provenance`; Round gains `closure`, FinalDecision `basis` (migrations.ts).
 * 3: a new kind, `registry` (省厅基地库名单包, department → secretariat), carrying `registry`;
 * the other kinds are unchanged.
 * 4: backup bundles carry the department's registry tables (`registryRounds`,
 * `registryApprovals`, `registryHistory`); older backups read with empty ones.
 */
export const FORMAT_VERSION = 4;

export const BUNDLE_KINDS = [
  'round',
  'scores',
  'result',
  'backup',
  'registry',
] as const satisfies readonly BundleKind[];

// ---- the outer container --------------------------------------------------------------

export const MANIFEST_ENTRY = 'manifest.json';
export const SIGNATURE_ENTRY = 'signature.json';
/** The payload entries as a deflated inner zip, when the bundle is not encrypted. */
export const PLAIN_PAYLOAD_ENTRY = 'payload.zip';
/** The same inner zip encrypted with AES-GCM, when a passphrase was given. */
export const ENCRYPTED_PAYLOAD_ENTRY = 'payload.enc';

export const CONTAINER_ENTRIES = [
  MANIFEST_ENTRY,
  SIGNATURE_ENTRY,
  PLAIN_PAYLOAD_ENTRY,
  ENCRYPTED_PAYLOAD_ENTRY,
] as const;

export type ContainerEntryName = (typeof CONTAINER_ENTRIES)[number];
export type PayloadContainerName = typeof PLAIN_PAYLOAD_ENTRY | typeof ENCRYPTED_PAYLOAD_ENTRY;

// ---- the payload (inside payload.zip) -------------------------------------------------

/** Every payload entry of any format version; the file inside the inner zip is `<key>.json`. */
export const PAYLOAD_KEYS = [
  'round',
  'rounds',
  'templates',
  'bases',
  'panels',
  'experts',
  'assignments',
  'scoresheets',
  'decisions',
  'conflicts',
  'imports',
  'audit',
  'settings',
  'changes',
  'provenance',
  'registry',
  'registryRounds',
  'registryApprovals',
  'registryHistory',
] as const;

export type PayloadKey = (typeof PAYLOAD_KEYS)[number];

/** The payload entries each kind carries: all of them, always (an empty list is `[]`). */
export const PAYLOAD_KEYS_BY_KIND = {
  round: ['round', 'templates', 'bases', 'panels', 'experts', 'assignments', 'changes'],
  scores: ['scoresheets', 'audit'],
  result: [
    'round',
    'templates',
    'bases',
    'panels',
    'experts',
    'assignments',
    'scoresheets',
    'decisions',
    'changes',
    'provenance',
  ],
  backup: [
    'rounds',
    'templates',
    'bases',
    'panels',
    'experts',
    'assignments',
    'scoresheets',
    'decisions',
    'conflicts',
    'imports',
    'audit',
    'settings',
    'changes',
    'registryRounds',
    'registryApprovals',
    'registryHistory',
  ],
  registry: ['registry'],
} as const satisfies Record<BundleKind, readonly PayloadKey[]>;

/** The registry tables a backup carries since format version 4. */
const BACKUP_REGISTRY_KEYS: readonly PayloadKey[] = [
  'registryRounds',
  'registryApprovals',
  'registryHistory',
];

/** Format versions 2 and 3's entries per kind: backups without the registry tables. */
const PAYLOAD_KEYS_BY_KIND_V3: Record<BundleKind, readonly PayloadKey[]> = {
  ...PAYLOAD_KEYS_BY_KIND,
  backup: PAYLOAD_KEYS_BY_KIND.backup.filter((k) => !BACKUP_REGISTRY_KEYS.includes(k)),
};

/** Format version 1's entries per kind: what a version-1 bundle holds, before migration. */
const PAYLOAD_KEYS_BY_KIND_V1: Record<BundleKind, readonly PayloadKey[]> = {
  round: PAYLOAD_KEYS_BY_KIND_V3.round.filter((k) => k !== 'changes'),
  scores: PAYLOAD_KEYS_BY_KIND_V3.scores,
  result: PAYLOAD_KEYS_BY_KIND_V3.result.filter((k) => k !== 'changes' && k !== 'provenance'),
  backup: PAYLOAD_KEYS_BY_KIND_V3.backup.filter((k) => k !== 'changes'),
  // No such kind before version 3: the manifest schema refuses a registry bundle of 1 or 2.
  registry: [],
};

/** The first format version of each kind (a manifest of an older version is refused). */
export const KIND_SINCE_VERSION: Readonly<Record<BundleKind, number>> = {
  round: 1,
  scores: 1,
  result: 1,
  backup: 1,
  registry: 3,
};

/** The entries a bundle of `kind` written by format `version` holds (the reader's allow-list). */
export function payloadKeysFor(kind: BundleKind, version: number): readonly PayloadKey[] {
  if (version <= 1) return PAYLOAD_KEYS_BY_KIND_V1[kind];
  return version <= 3 ? PAYLOAD_KEYS_BY_KIND_V3[kind] : PAYLOAD_KEYS_BY_KIND[kind];
}

export type PayloadKeysOf<K extends BundleKind> = (typeof PAYLOAD_KEYS_BY_KIND)[K][number];

export const payloadEntryName = (key: PayloadKey): string => `${key}.json`;

/** Inner-zip entry name → payload key, for every name any kind may use. */
export const PAYLOAD_KEY_BY_ENTRY: ReadonlyMap<string, PayloadKey> = new Map(
  PAYLOAD_KEYS.map((key) => [payloadEntryName(key), key]),
);

/** Chinese and English names of each payload entry, for error messages. */
export const PAYLOAD_LABELS: Readonly<Record<PayloadKey, { zh: string; en: string }>> = {
  round: { zh: '评估轮次', en: 'round' },
  rounds: { zh: '评估轮次', en: 'rounds' },
  templates: { zh: '指标体系', en: 'indicator templates' },
  bases: { zh: '基地', en: 'bases' },
  panels: { zh: '评审组', en: 'panels' },
  experts: { zh: '专家', en: 'experts' },
  assignments: { zh: '评审分配', en: 'assignments' },
  scoresheets: { zh: '评分表', en: 'scoresheets' },
  decisions: { zh: '处理决定', en: 'final decisions' },
  conflicts: { zh: '冲突记录', en: 'conflicts' },
  imports: { zh: '导入记录', en: 'import records' },
  audit: { zh: '操作日志', en: 'audit log' },
  settings: { zh: '设置', en: 'settings' },
  changes: { zh: '轮次变更', en: 'round changes' },
  provenance: { zh: '数据来源', en: 'provenance' },
  registry: { zh: '基地库名单', en: 'registry' },
  registryRounds: { zh: '基地库已接收的评估结果', en: 'registry accepted rounds' },
  registryApprovals: { zh: '基地库批建记录', en: 'registry approvals' },
  registryHistory: { zh: '基地历年评估记录', en: 'registry history lines' },
};

export const KIND_LABELS: Readonly<Record<BundleKind, { zh: string; en: string }>> = {
  round: { zh: '评审任务包', en: 'round bundle' },
  scores: { zh: '评分数据包', en: 'score bundle' },
  result: { zh: '评估结果包', en: 'result bundle' },
  backup: { zh: '备份包', en: 'backup bundle' },
  registry: { zh: '省厅基地库名单包', en: 'registry bundle' },
};

// ---- limits ---------------------------------------------------------------------------

const MIB = 1024 * 1024;

export type BundleLimits = {
  /** The whole .pgb file. */
  readonly maxFileBytes: number;
  /** Entries in one zip (the outer container or the inner payload zip). */
  readonly maxEntries: number;
  /** One entry after inflating, counted while inflating. */
  readonly maxEntryBytes: number;
  /** All entries of one zip after inflating, counted while inflating. */
  readonly maxTotalBytes: number;
  /** Inflated bytes per compressed byte, checked once an entry exceeds ratioGraceBytes. */
  readonly maxCompressionRatio: number;
  readonly ratioGraceBytes: number;
};

export const LIMITS: BundleLimits = Object.freeze({
  maxFileBytes: 256 * MIB,
  maxEntries: 64,
  maxEntryBytes: 128 * MIB,
  maxTotalBytes: 512 * MIB,
  maxCompressionRatio: 200,
  ratioGraceBytes: 1 * MIB,
});

/** manifest.json and signature.json are small; refuse to parse anything larger. */
export const MAX_MANIFEST_BYTES = 64 * 1024;
export const MAX_SIGNATURE_BYTES = 4 * 1024;

// ---- encryption parameters --------------------------------------------------------------

export const PBKDF2_MIN_ITERATIONS = 600_000;
/** A signed bundle still comes from anyone with a key: cap the work it can ask of us. */
export const PBKDF2_MAX_ITERATIONS = 2_000_000;
export const SALT_BYTES = 16;
export const IV_BYTES = 12;
