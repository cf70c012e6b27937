import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  backupFolderPath,
  createBackupFolder,
} from '../../../../electron/main/services/backupFolder';
import { backupFileName } from '../../../../shared/ipc/backupFiles';
import { makeTempDir } from '../../../helpers/desktop';

const NAME = backupFileName('2026-11-26T12:00:00Z', 'auto');

describe('the backups folder on disk', () => {
  it('lives in <userData>/backups and is created on the first write', async () => {
    const userData = await makeTempDir();
    const folder = createBackupFolder(backupFolderPath(userData));
    expect(await folder.list()).toEqual({ ok: true, value: [] });
    expect(await folder.write(NAME, new Uint8Array([1, 2, 3]))).toEqual({ ok: true, value: null });
    expect(await readdir(path.join(userData, 'backups'))).toEqual([NAME]);
    expect(await folder.list()).toEqual({ ok: true, value: [{ name: NAME, size: 3 }] });
    expect(await folder.read(NAME)).toEqual({ ok: true, value: new Uint8Array([1, 2, 3]) });
    expect(await folder.readHead(NAME, 2)).toEqual(new Uint8Array([1, 2]));
  });

  it('lists only regular files with backup names (no temp files, folders or links)', async () => {
    const dir = await makeTempDir();
    await writeFile(path.join(dir, NAME), 'x');
    await writeFile(path.join(dir, `.${NAME}.1234.tmp`), 'x');
    await writeFile(path.join(dir, 'notes.txt'), 'x');
    await mkdir(path.join(dir, backupFileName('2026-11-26T13:00:00Z', 'auto')));
    const outside = path.join(await makeTempDir(), 'secret');
    await writeFile(outside, 'secret');
    await symlink(outside, path.join(dir, backupFileName('2026-11-26T14:00:00Z', 'auto')));
    const listed = await createBackupFolder(dir).list();
    expect(listed.ok && listed.value.map((file) => file.name)).toEqual([NAME]);
  });

  it('never turns a name that is not a plain backup name into a path', async () => {
    const userData = await makeTempDir();
    await writeFile(path.join(userData, 'secret.txt'), 'secret');
    const folder = createBackupFolder(backupFolderPath(userData));
    const escape = `../${NAME}`;
    expect(await folder.write(escape, new Uint8Array([1]))).toMatchObject({
      ok: false,
      error: { code: 'notAllowed' },
    });
    expect(await folder.read('../secret.txt')).toMatchObject({
      ok: false,
      error: { code: 'notAllowed' },
    });
    expect(await folder.readHead('../secret.txt', 10)).toBeNull();
    await folder.remove('../secret.txt');
    expect(await readFile(path.join(userData, 'secret.txt'), 'utf8')).toBe('secret');
    expect(await readdir(userData)).toEqual(['secret.txt']);
  });

  it('reports a missing backup as notFound and removes files it is asked to', async () => {
    const dir = await makeTempDir();
    const folder = createBackupFolder(dir);
    expect(await folder.read(NAME)).toMatchObject({ ok: false, error: { code: 'notFound' } });
    await folder.write(NAME, new Uint8Array([1]));
    await folder.remove(NAME);
    expect(await readdir(dir)).toEqual([]);
  });
});
