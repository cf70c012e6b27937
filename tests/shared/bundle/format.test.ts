import { describe, expect, it } from 'vitest';
import { bundleError, isBundleErrorCode } from '../../../shared/bundle/errors';
import type { BundleErrorCode } from '../../../shared/bundle/errors';
import {
  BUNDLE_KINDS,
  CONTAINER_ENTRIES,
  LIMITS,
  PAYLOAD_KEY_BY_ENTRY,
  PAYLOAD_KEYS_BY_KIND,
  payloadKeysFor,
} from '../../../shared/bundle/format';
import { isSafeEntryName } from '../../../shared/bundle/zip';

const MIB = 1024 * 1024;

describe('format vocabulary', () => {
  it('uses only safe, distinct entry names', () => {
    const names = [...CONTAINER_ENTRIES, ...PAYLOAD_KEY_BY_ENTRY.keys()];
    expect(new Set(names).size).toBe(names.length);
    expect(names.every(isSafeEntryName)).toBe(true);
  });

  it('gives every kind a non-empty, duplicate-free entry list', () => {
    for (const kind of BUNDLE_KINDS) {
      const keys = PAYLOAD_KEYS_BY_KIND[kind];
      expect(keys.length).toBeGreaterThan(0);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it("lists each version's backup entries: changes from 2, the registry tables from 4", () => {
    const v1 = [
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
    ];
    expect(payloadKeysFor('backup', 1)).toEqual(v1);
    expect(payloadKeysFor('backup', 2)).toEqual([...v1, 'changes']);
    expect(payloadKeysFor('backup', 3)).toEqual([...v1, 'changes']);
    expect(payloadKeysFor('backup', 4)).toEqual([
      ...v1,
      'changes',
      'registryRounds',
      'registryApprovals',
      'registryHistory',
    ]);
  });

  it('keeps the other kinds the same from version 3 to 4', () => {
    for (const kind of ['round', 'scores', 'result', 'registry'] as const) {
      expect(payloadKeysFor(kind, 4)).toEqual(payloadKeysFor(kind, 3));
    }
    expect(payloadKeysFor('registry', 4)).toEqual(['registry']);
    expect(payloadKeysFor('registry', 1)).toEqual([]);
    expect(payloadKeysFor('result', 1)).not.toContain('provenance');
    expect(payloadKeysFor('result', 2)).toContain('provenance');
  });

  it('sets the documented limits', () => {
    expect(LIMITS).toEqual({
      maxFileBytes: 256 * MIB,
      maxEntries: 64,
      maxEntryBytes: 128 * MIB,
      maxTotalBytes: 512 * MIB,
      maxCompressionRatio: 200,
      ratioGraceBytes: MIB,
    });
  });
});

describe('error messages', () => {
  const codes: Array<Exclude<BundleErrorCode, 'schema'>> = [
    'notZip',
    'empty',
    'truncated',
    'corrupt',
    'unsupportedZip',
    'tooLarge',
    'tooManyEntries',
    'zipBomb',
    'badEntryName',
    'duplicateEntry',
    'unknownEntry',
    'missingEntry',
    'badManifest',
    'hashMismatch',
    'missingSignature',
    'badSignature',
    'newerVersion',
    'wrongKind',
    'passphraseRequired',
    'wrongPassphrase',
    'internal',
  ];

  it.each(codes)('%s reads as one Chinese sentence and one English sentence', (code) => {
    const error = bundleError(code, {
      path: 'payload.zip',
      kind: 'round',
      expectedKinds: ['scores'],
      version: 2,
      limit: 256 * MIB,
    });
    expect(isBundleErrorCode(error.code)).toBe(true);
    expect(error.message).toMatch(/^[^\n]*[\u4e00-\u9fff][^\n]*。$/);
    expect(error.message.split('。')).toHaveLength(2);
    expect(error.messageEn).toMatch(/^[A-Z"].*[.;:)a-z"]$/);
    expect(error.messageEn).not.toMatch(/undefined|\[object/);
  });

  it('shows hostile entry names safely and briefly', () => {
    const error = bundleError('badEntryName', { path: `..\u0000/${'x'.repeat(200)}\n` });
    expect(error.detail?.path).not.toContain('\u0000');
    expect(error.detail?.path).not.toContain('\n');
    expect(error.message.length).toBeLessThan(140);
  });
});
