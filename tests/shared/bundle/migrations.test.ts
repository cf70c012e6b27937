import { describe, expect, it } from 'vitest';
import { FORMAT_VERSION } from '../../../shared/bundle/format';
import { BUNDLE_MIGRATIONS, migratePayload } from '../../../shared/bundle/migrations';
import type { BundleMigration } from '../../../shared/bundle/migrations';

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

  it('reports the first missing step instead of skipping it', () => {
    const result = migratePayload({}, 1, { kind: 'round' }, { migrations: [], toVersion: 3 });
    expect(result).toEqual({ ok: false, missingFrom: 1 });
  });
});
