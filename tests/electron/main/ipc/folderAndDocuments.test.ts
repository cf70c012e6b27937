// file:openDocuments (roster and expert spreadsheets) and file:saveBundlesToFolder (round
// bundles for every panel written into one folder, e.g. a USB stick) against a real folder.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileHandlers } from '../../../../electron/main/ipc/fileHandlers';
import { createSavedPaths } from '../../../../electron/main/services/savedPaths';
import { DESKTOP_CONTRACT } from '../../../../shared/ipc/contract';
import { makeTempDir, scriptedDialog } from '../../../helpers/desktop';

const setUp = (answers: Parameters<typeof scriptedDialog>[0]) => {
  const dialog = scriptedDialog(answers);
  const savedPaths = createSavedPaths();
  const handlers = createFileHandlers({ dialog, savedPaths, showItemInFolder: () => undefined });
  return { dialog, savedPaths, handlers };
};

const bytes = (text: string) => new TextEncoder().encode(text);

describe('file:openDocuments', () => {
  it('asks for spreadsheets and reads the picked one', async () => {
    const dir = await makeTempDir();
    const roster = path.join(dir, '基地名单.xlsx');
    await writeFile(roster, bytes('xlsx bytes'));
    const { handlers, dialog } = setUp({ open: [roster] });
    const result = await handlers['file:openDocuments']({
      multi: false,
      extensions: ['xlsx', 'csv'],
    });
    expect(dialog.openRequests).toEqual([
      { multi: false, folders: false, documents: ['xlsx', 'csv'] },
    ]);
    if (!result.ok || result.value.cancelled) throw new Error('expected a file');
    expect(result.value.files.map((file) => file.name)).toEqual(['基地名单.xlsx']);
    expect(DESKTOP_CONTRACT['file:openDocuments'].result.safeParse(result.value).success).toBe(
      true,
    );
  });

  it('refuses a file of another type instead of reading it', async () => {
    const dir = await makeTempDir();
    const old = path.join(dir, '名单.xls');
    await writeFile(old, bytes('old excel'));
    const { handlers } = setUp({ open: [old] });
    const result = await handlers['file:openDocuments']({ multi: false, extensions: ['xlsx'] });
    expect(result).toMatchObject({ ok: false, error: { code: 'notAllowed' } });
  });

  it('reports a cancelled dialog as cancelled', async () => {
    const { handlers } = setUp({ open: null });
    expect(await handlers['file:openDocuments']({ multi: true, extensions: ['csv'] })).toEqual({
      ok: true,
      value: { cancelled: true },
    });
  });
});

describe('file:saveBundlesToFolder', () => {
  it('writes every bundle into the picked folder and remembers them for reveal', async () => {
    const dir = await makeTempDir();
    const { handlers, dialog, savedPaths } = setUp({ open: [dir] });
    const result = await handlers['file:saveBundlesToFolder']({
      files: [
        { name: '评审包-第一组.pgb', bytes: bytes('one') },
        { name: '评审包-第二组', bytes: bytes('two') },
      ],
    });
    expect(dialog.openRequests).toEqual([{ multi: false, folders: true, forSaving: true }]);
    expect(result).toEqual({
      ok: true,
      value: { saved: true, folder: dir, names: ['评审包-第一组.pgb', '评审包-第二组.pgb'] },
    });
    expect(await readFile(path.join(dir, '评审包-第二组.pgb'), 'utf8')).toBe('two');
    expect(savedPaths.has(path.join(dir, '评审包-第一组.pgb'))).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['评审包-第一组.pgb', '评审包-第二组.pgb']);
  });

  it('never overwrites a file already in the folder: the new one gets a numbered name', async () => {
    const dir = await makeTempDir();
    await writeFile(path.join(dir, 'a.pgb'), 'earlier');
    await writeFile(path.join(dir, 'a (2).pgb'), 'earlier too');
    const { handlers } = setUp({ open: [dir] });
    const result = await handlers['file:saveBundlesToFolder']({
      files: [{ name: 'a.pgb', bytes: bytes('new') }],
    });
    expect(result).toMatchObject({ ok: true, value: { names: ['a (3).pgb'] } });
    expect(await readFile(path.join(dir, 'a.pgb'), 'utf8')).toBe('earlier');
    expect(await readFile(path.join(dir, 'a (3).pgb'), 'utf8')).toBe('new');
  });

  it('writes nothing when the folder dialog is cancelled', async () => {
    const { handlers } = setUp({ open: null });
    expect(
      await handlers['file:saveBundlesToFolder']({ files: [{ name: 'a.pgb', bytes: bytes('x') }] }),
    ).toEqual({ ok: true, value: { saved: false } });
  });

  it('reports which files were written when the folder stops accepting writes', async () => {
    const dir = await makeTempDir();
    const missing = path.join(dir, 'removed-usb-stick');
    const { handlers } = setUp({ open: [missing] });
    const result = await handlers['file:saveBundlesToFolder']({
      files: [{ name: 'a.pgb', bytes: bytes('x') }],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'ioFailed' } });
  });
});

describe('the contract of the two channels', () => {
  it('refuses duplicate names, an empty list and unknown document types', () => {
    const file = { name: 'a.pgb', bytes: bytes('x') };
    const save = DESKTOP_CONTRACT['file:saveBundlesToFolder'].args;
    expect(save.safeParse([{ files: [file, { ...file, name: 'A.pgb' }] }]).success).toBe(false);
    expect(save.safeParse([{ files: [] }]).success).toBe(false);
    expect(save.safeParse([{ files: [{ ...file, name: '../a.pgb' }] }]).success).toBe(false);
    expect(save.safeParse([{ files: [file] }]).success).toBe(true);
    const open = DESKTOP_CONTRACT['file:openDocuments'].args;
    expect(open.safeParse([{ multi: false, extensions: ['xls'] }]).success).toBe(false);
    expect(open.safeParse([{ multi: false, extensions: [] }]).success).toBe(false);
    expect(open.safeParse([{ multi: false, extensions: ['csv'] }]).success).toBe(true);
  });
});
