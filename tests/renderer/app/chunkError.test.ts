import { describe, expect, it } from 'vitest';
import { errorMessage, isChunkLoadError } from '../../../renderer/app/chunkError';

describe('telling a screen whose code could not be loaded from a broken screen', () => {
  it('recognises the failed dynamic import of Chromium/Electron, Firefox and Safari', () => {
    const messages = [
      'Failed to fetch dynamically imported module: app://pinggu/assets/dashboard-abc.js',
      'error loading dynamically imported module: http://127.0.0.1:5173/assets/x.js',
      'Importing a module script failed.',
      'Failed to load module script: Expected a JavaScript module script',
      'Unable to preload CSS for ./assets/secretariat-abc.css',
    ];
    for (const message of messages) expect(isChunkLoadError(new TypeError(message))).toBe(true);
    const named = new Error('Loading chunk 3 failed');
    named.name = 'ChunkLoadError';
    expect(isChunkLoadError(named)).toBe(true);
  });

  it('treats a screen that throws while rendering as a bug, not a missing file', () => {
    expect(
      isChunkLoadError(new TypeError("Cannot read properties of undefined (reading 'id')")),
    ).toBe(false);
    expect(isChunkLoadError('Failed to fetch dynamically imported module')).toBe(false);
    expect(isChunkLoadError(undefined)).toBe(false);
  });

  it('shows the message of whatever was thrown', () => {
    expect(errorMessage(new Error('磁盘已满'))).toBe('磁盘已满');
    expect(errorMessage('plain text')).toBe('plain text');
    expect(errorMessage(42)).toBe('42');
  });
});
