// Format migrations: one step per version, from n to n + 1, applied to the parsed but not
// yet validated payload entries of an older bundle before the current schemas check them
// (parse → migrate → validate, as Excalidraw's restore does). Version 1 is the first, so
// the registry is empty; a future version adds its step here, a golden fixture of the old
// version, and a test that the fixture opens as the new version.
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

export const BUNDLE_MIGRATIONS: readonly BundleMigration[] = [];

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
