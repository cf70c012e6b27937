import { describe, expect, it } from 'vitest';
import { FORMAT_VERSION } from '../../../shared/bundle/format';
import { BUNDLE_MIGRATIONS, migratePayload } from '../../../shared/bundle/migrations';
import type { BundleMigration } from '../../../shared/bundle/migrations';
import { samplePayload } from '../../helpers/bundleBuilders';

describe('format migrations', () => {
  it('has a step for every version before the current one', () => {
    for (let version = 1; version < FORMAT_VERSION; version += 1) {
      expect(BUNDLE_MIGRATIONS.some((m) => m.from === version)).toBe(true);
    }
  });

  it('leaves a current-version payload untouched', () => {
    const payload = { scoresheets: [], audit: [] };
    const result = migratePayload(payload, FORMAT_VERSION, { kind: 'scores' });
    expect(result).toEqual({ ok: true, payload, applied: [] });
  });

  it('applies each step in order from the bundle version to the target', () => {
    const steps: BundleMigration[] = [
      {
        from: 2,
        description: 'rename audit → auditLog (pretend)',
        migrate: ({ audit, ...rest }) => ({ ...rest, settings: audit }),
      },
      {
        from: 1,
        description: 'add an empty audit entry (pretend)',
        migrate: (payload) => ({ ...payload, audit: [] }),
      },
    ];
    const result = migratePayload(
      { scoresheets: [] },
      1,
      { kind: 'scores' },
      {
        migrations: steps,
        toVersion: 3,
      },
    );
    expect(result).toEqual({
      ok: true,
      payload: { scoresheets: [], settings: [] },
      applied: [1, 2],
    });
  });

  it('step 2 → 3 leaves the payload of every version-2 kind exactly as it was', () => {
    const step = BUNDLE_MIGRATIONS.find((m) => m.from === 2);
    const payloads = {
      round: samplePayload('round'),
      scores: samplePayload('scores'),
      result: samplePayload('result'),
      backup: samplePayload('backup'),
    };
    for (const [kind, payload] of Object.entries(payloads)) {
      const before = structuredClone(payload);
      expect(step?.migrate(payload, { kind })).toEqual(before);
      expect(migratePayload(payload, 2, { kind }, { toVersion: 3 })).toEqual({
        ok: true,
        payload: before,
        applied: [2],
      });
    }
  });

  it('step 3 → 4 gives a backup empty registry tables and leaves every other kind as it was', () => {
    const step = BUNDLE_MIGRATIONS.find((m) => m.from === 3);
    const {
      registryRounds: _r,
      registryApprovals: _a,
      registryHistory: _h,
      ...v3Backup
    } = samplePayload('backup');
    expect(step?.migrate(v3Backup, { kind: 'backup' })).toEqual({
      ...v3Backup,
      registryRounds: [],
      registryApprovals: [],
      registryHistory: [],
    });
    const others = {
      round: samplePayload('round'),
      scores: samplePayload('scores'),
      result: samplePayload('result'),
      registry: samplePayload('registry'),
    };
    for (const [kind, payload] of Object.entries(others)) {
      const before = structuredClone(payload);
      expect(migratePayload(payload, 3, { kind }, { toVersion: 4 })).toEqual({
        ok: true,
        payload: before,
        applied: [3],
      });
    }
  });

  it('a version-1 backup reaches version 4 with no changes and an empty registry', () => {
    const {
      changes: _c,
      registryRounds: _r,
      registryApprovals: _a,
      registryHistory: _h,
      ...v1Backup
    } = samplePayload('backup');
    expect(migratePayload(v1Backup, 1, { kind: 'backup' }, { toVersion: 4 })).toEqual({
      ok: true,
      payload: {
        ...v1Backup,
        changes: [],
        registryRounds: [],
        registryApprovals: [],
        registryHistory: [],
      },
      applied: [1, 2, 3],
    });
  });

  it('step 1 → 2 adds empty changes and unverified provenance, then 2 → 3 keeps them', () => {
    const { changes: _c, provenance: _p, ...v1 } = samplePayload('result');
    const result = migratePayload(v1, 1, { kind: 'result' }, { toVersion: 3 });
    expect(result).toEqual({
      ok: true,
      payload: { ...v1, changes: [], provenance: { keysVerified: false, panelKeys: [] } },
      applied: [1, 2],
    });
    const scores = samplePayload('scores');
    expect(migratePayload(scores, 1, { kind: 'scores' }, { toVersion: 3 })).toEqual({
      ok: true,
      payload: scores,
      applied: [1, 2],
    });
  });

  it('reports the first missing step instead of skipping it', () => {
    const result = migratePayload({}, 1, { kind: 'round' }, { migrations: [], toVersion: 3 });
    expect(result).toEqual({ ok: false, missingFrom: 1 });
  });
});
