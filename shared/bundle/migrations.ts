// Format migrations: one step per version, from n to n + 1, applied to the parsed but not
// yet validated payload entries of an older bundle before the current schemas check them
// (parse → migrate → validate, as Excalidraw's restore does). Each version adds its step
// here, golden fixtures of its own (tests/fixtures/bundles/v<n>/), and a test that the older
// fixtures open as the new version.
//
// What a step may change: payload entries and record shapes. What it may not: the
// container (outer zip, manifest.json's signed fields, signature.json, payload.zip /
// payload.enc), which stays readable by every version; new manifest fields are optional.
import { FORMAT_VERSION } from './format';
import type { PayloadKey } from './format';

/** Parsed entries of the inner payload zip, keyed by entry name without `.json`. */
export type RawPayload = Readonly<Partial<Record<PayloadKey, unknown>>>;

export type BundleMigration = {
  /** Migrates a bundle of this version to version `from + 1`. */
  readonly from: number;
  readonly description: string;
  readonly migrate: (payload: RawPayload, context: { kind: string }) => RawPayload;
};

export const BUNDLE_MIGRATIONS: readonly BundleMigration[] = [
  {
    from: 1,
    description:
      'round, result and backup bundles gain changes.json (none in version 1); result ' +
      'bundles gain provenance.json: their panel keys were not recorded, so not verified',
    migrate: (payload, { kind }) => {
      if (kind === 'scores') return payload;
      const changes = { ...payload, changes: [] };
      return kind === 'result'
        ? { ...changes, provenance: { keysVerified: false, panelKeys: [] } }
        : changes;
    },
  },
  {
    from: 2,
    description:
      'a new kind, registry (department → secretariat), arrives; round, scores, result and ' +
      'backup payloads are unchanged (a registry bundle of version 2 does not exist: the ' +
      'manifest schema refuses it)',
    migrate: (payload) => payload,
  },
  {
    from: 3,
    description:
      "backup bundles gain the department's registry tables (registryRounds.json, " +
      'registryApprovals.json, registryHistory.json): a version-3 backup carried none, so ' +
      'they are empty; round, scores, result and registry payloads are unchanged',
    migrate: (payload, { kind }) =>
      kind === 'backup'
        ? { ...payload, registryRounds: [], registryApprovals: [], registryHistory: [] }
        : payload,
  },
];

export type MigrationResult =
  { ok: true; payload: RawPayload; applied: number[] } | { ok: false; missingFrom: number };

/** Applies every step from `fromVersion` up to `toVersion`; fails if a step is missing. */
export function migratePayload(
  payload: RawPayload,
  fromVersion: number,
  context: { kind: string },
  options: { migrations?: readonly BundleMigration[]; toVersion?: number } = {},
): MigrationResult {
  const migrations = options.migrations ?? BUNDLE_MIGRATIONS;
  const toVersion = options.toVersion ?? FORMAT_VERSION;
  let current = payload;
  const applied: number[] = [];
  for (let version = fromVersion; version < toVersion; version += 1) {
    const step = migrations.find((m) => m.from === version);
    if (!step) return { ok: false, missingFrom: version };
    current = step.migrate(current, context);
    applied.push(version);
  }
  return { ok: true, payload: current, applied };
}
