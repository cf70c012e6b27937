import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findBundlesInFolders,
  MAX_FOLDER_DEPTH,
  toTightBytes,
  writeFileAtomically,
} from '../../../../electron/main/services/fileAccess';
import { makeTempDir } from '../../../helpers/desktop';

describe('finding bundles in a folder', () => {
  it('does not follow symbolic links out of the picked folder', async () => {
    const outside = await makeTempDir();
    await writeFile(path.join(outside, 'private.pgb'), 'x');
    const picked = await makeTempDir();
    await writeFile(path.join(picked, 'mine.pgb'), 'x');
    await symlink(outside, path.join(picked, 'link-to-outside'));
    await symlink(path.join(outside, 'private.pgb'), path.join(picked, 'linked.pgb'));
    const result = await findBundlesInFolders([picked]);
    expect(result).toEqual({ ok: true, value: [path.join(picked, 'mine.pgb')] });
  });

  it(`looks ${MAX_FOLDER_DEPTH} levels deep and no deeper`, async () => {
    const picked = await makeTempDir();
    let folder = picked;
    for (let level = 1; level <= MAX_FOLDER_DEPTH + 1; level += 1) {
      await writeFile(path.join(folder, `level${level}.pgb`), 'x');
      folder = path.join(folder, `sub${level}`);
      await mkdir(folder);
    }
    const result = await findBundlesInFolders([picked]);
    if (!result.ok) throw new Error('expected a list');
    expect(result.value.map((filePath) => path.basename(filePath))).toEqual(
      Array.from({ length: MAX_FOLDER_DEPTH }, (_, i) => `level${i + 1}.pgb`),
    );
  });

  it('reports a folder that cannot be read', async () => {
    const dir = await makeTempDir();
    const result = await findBundlesInFolders([path.join(dir, 'missing')]);
    expect(result).toMatchObject({ ok: false, error: { code: 'ioFailed' } });
  });
});

describe('bytes sent to the renderer', () => {
  it('never carry memory beyond the file’s own bytes', () => {
    const pool = new Uint8Array([9, 9, 1, 2, 3, 9, 9]);
    const view = pool.subarray(2, 5);
    const tight = toTightBytes(view);
    expect([...tight]).toEqual([1, 2, 3]);
    expect(tight.buffer.byteLength).toBe(3);
  });

  it('are not copied when they already fill their buffer', () => {
    const exact = new Uint8Array([1, 2, 3]);
    expect(toTightBytes(exact).buffer).toBe(exact.buffer);
  });
});

describe('atomic writes', () => {
  it('leave neither a partial file nor a temporary file when the final rename fails', async () => {
    const dir = await makeTempDir();
    const target = path.join(dir, '结果.pgb');
    await mkdir(target); // a folder in the way: writing the temp file works, the rename cannot
    const result = await writeFileAtomically(target, new Uint8Array([1, 2, 3]));
    expect(result).toMatchObject({ ok: false, error: { code: 'ioFailed' } });
    expect(await readdir(dir)).toEqual(['结果.pgb']);
  });
});
