import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, MAX_OPEN_FILES, MAX_OPEN_TOTAL_BYTES } from '../../../shared/ipc/contract';
import { checkOpenSelection, isBundleFileName } from '../../../shared/ipc/openLimits';

describe('limits on opening bundles', () => {
  it('allows a normal selection', () => {
    expect(checkOpenSelection([{ name: 'a.pgb', size: 1024 }]).ok).toBe(true);
  });

  it('refuses one file over 512 MiB and names it', () => {
    const result = checkOpenSelection([{ name: '巨大.pgb', size: MAX_FILE_BYTES + 1 }]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('tooLarge');
      expect(result.error.message).toContain('巨大.pgb');
    }
  });

  it('refuses files that are fine alone but too large together', () => {
    const half = Math.floor(MAX_OPEN_TOTAL_BYTES / 2) + 1;
    const result = checkOpenSelection([
      { name: 'a.pgb', size: half },
      { name: 'b.pgb', size: half },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('合计');
  });

  it('refuses more files than one call may carry', () => {
    const files = Array.from({ length: MAX_OPEN_FILES + 1 }, (_, i) => ({
      name: `${i}.pgb`,
      size: 1,
    }));
    expect(checkOpenSelection(files).ok).toBe(false);
  });

  it('recognises bundles by the .pgb extension in any case', () => {
    expect(isBundleFileName('x.PGB')).toBe(true);
    expect(isBundleFileName('x.pgb.txt')).toBe(false);
  });
});
