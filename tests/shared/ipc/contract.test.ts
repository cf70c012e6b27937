import { describe, expect, it } from 'vitest';
import {
  DESKTOP_CHANNELS,
  DESKTOP_CONTRACT,
  MAX_FILE_BYTES,
  validateArgs,
} from '../../../shared/ipc/contract';
import { MAX_SIGN_MESSAGE_BYTES, SIGNATURE_CONTEXT_BYTES } from '../../../shared/ipc/deviceSigning';

// A Uint8Array that reports a size over the limit without allocating 512 MiB.
class OversizedBytes extends Uint8Array {
  override get byteLength(): number {
    return MAX_FILE_BYTES + 1;
  }
}

const bytes = new Uint8Array([1, 2, 3]);

describe('the DesktopApi contract', () => {
  it('names every channel domain:verb and gives each an args and a result schema', () => {
    for (const channel of DESKTOP_CHANNELS) {
      expect(channel).toMatch(/^[a-z]+:[a-zA-Z]+$/);
      expect(DESKTOP_CONTRACT[channel].args).toBeDefined();
      expect(DESKTOP_CONTRACT[channel].result).toBeDefined();
    }
    expect(Object.keys(DESKTOP_CONTRACT).sort()).toEqual([...DESKTOP_CHANNELS].sort());
  });

  it('accepts well-formed arguments and returns them typed', () => {
    const result = validateArgs('file:saveBundle', [{ suggestedName: '大连组-李明.pgb', bytes }]);
    expect(result).toEqual({ ok: true, value: [{ suggestedName: '大连组-李明.pgb', bytes }] });
  });

  it('accepts app:getInfo with no arguments and refuses it with extra ones', () => {
    expect(validateArgs('app:getInfo', []).ok).toBe(true);
    expect(validateArgs('app:getInfo', ['surprise']).ok).toBe(false);
  });

  it.each(['../etc/passwd', 'a/b.pgb', 'a\\b.pgb', 'C:evil.pgb', '..', '.', 'name.', ' lead.pgb'])(
    'file:saveBundle rejects the suggested name %j',
    (suggestedName) => {
      const result = validateArgs('file:saveBundle', [{ suggestedName, bytes }]);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('invalidArguments');
    },
  );

  it('explains a rejected file name in Chinese', () => {
    const result = validateArgs('file:saveReport', [
      { suggestedName: 'reports/summary.xlsx', kind: 'xlsx', bytes },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('文件名不能包含');
  });

  it('rejects a name longer than 255 characters', () => {
    const result = validateArgs('file:saveBundle', [
      { suggestedName: `${'评'.repeat(256)}`, bytes },
    ]);
    expect(result.ok).toBe(false);
  });

  it('rejects file contents over 512 MiB before any handler sees them', () => {
    const result = validateArgs('file:saveBundle', [
      { suggestedName: 'big.pgb', bytes: new OversizedBytes(1) },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('512 MB');
  });

  it('rejects bytes that are not a Uint8Array (e.g. a plain array or a string)', () => {
    for (const fake of [[1, 2, 3], 'AAEC', { length: 3 }]) {
      expect(validateArgs('file:saveBundle', [{ suggestedName: 'x.pgb', bytes: fake }]).ok).toBe(
        false,
      );
    }
  });

  it('rejects unknown keys, so a renderer cannot slip options past the contract', () => {
    const result = validateArgs('file:openBundles', [
      { multi: true, folders: false, defaultPath: '/etc' },
    ]);
    expect(result.ok).toBe(false);
  });

  it('rejects a report kind outside xlsx, csv and pdf', () => {
    const result = validateArgs('file:saveReport', [
      { suggestedName: 'run.exe', kind: 'exe', bytes },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('xlsx');
  });

  it('rejects a reveal path with a NUL byte', () => {
    expect(validateArgs('file:reveal', [{ path: '/tmp/a\0b' }]).ok).toBe(false);
  });

  it('rejects arguments that are not a tuple at all', () => {
    expect(validateArgs('file:openBundles', { multi: true, folders: false }).ok).toBe(false);
    expect(validateArgs('file:openBundles', undefined).ok).toBe(false);
  });

  it('puts the technical reason in detail, never a stack trace', () => {
    const result = validateArgs('file:openBundles', [{ multi: 'yes', folders: false }]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.detail).toContain('file:openBundles 0.multi');
      expect(result.error.detail).not.toMatch(/\bat\s.+:\d+/);
    }
  });
});

describe('argument errors for the clerk', () => {
  it('use the generic Chinese message where the schema has none (unknown key, not a tuple)', () => {
    for (const raw of [[{ multi: true, folders: false, x: 1 }], 'nope', null]) {
      const result = validateArgs('file:openBundles', raw);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toBe('请求参数不正确，操作已取消。');
    }
  });

  it('never show zod’s English messages', () => {
    for (const raw of [[], [{}], [{ multi: 1, folders: 'no' }], [null]]) {
      const result = validateArgs('file:openBundles', raw);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).not.toMatch(/[A-Za-z]{4,}/);
    }
  });
});

describe('device channels in the contract', () => {
  const messageOf = (length: number) => {
    const message = new Uint8Array(length);
    message.set(SIGNATURE_CONTEXT_BYTES);
    return message;
  };

  it('accepts a signing request for the largest manifest a bundle may carry', () => {
    expect(
      validateArgs('device:signManifest', [{ message: messageOf(MAX_SIGN_MESSAGE_BYTES) }]).ok,
    ).toBe(true);
    expect(MAX_SIGN_MESSAGE_BYTES).toBe(SIGNATURE_CONTEXT_BYTES.length + 64 * 1024);
  });

  it('refuses a longer one with a Chinese reason', () => {
    const result = validateArgs('device:signManifest', [
      { message: messageOf(MAX_SIGN_MESSAGE_BYTES + 1) },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalidArguments');
      expect(result.error.message).toContain('64 KB');
    }
  });

  it('takes no arguments for device:getIdentity', () => {
    expect(validateArgs('device:getIdentity', []).ok).toBe(true);
    expect(validateArgs('device:getIdentity', [{}]).ok).toBe(false);
  });
});
