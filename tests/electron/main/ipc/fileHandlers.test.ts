import { mkdir, readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileHandlers } from '../../../../electron/main/ipc/fileHandlers';
import { createSavedPaths } from '../../../../electron/main/services/savedPaths';
import { DESKTOP_CONTRACT, MAX_FILE_BYTES } from '../../../../shared/ipc/contract';
import { makeTempDir, scriptedDialog } from '../../../helpers/desktop';

const setUp = (answers: Parameters<typeof scriptedDialog>[0]) => {
  const dialog = scriptedDialog(answers);
  const revealed: string[] = [];
  const savedPaths = createSavedPaths();
  const handlers = createFileHandlers({
    dialog,
    savedPaths,
    showItemInFolder: (filePath) => revealed.push(filePath),
  });
  return { dialog, revealed, savedPaths, handlers };
};

const encoder = new TextEncoder();

describe('file:openBundles', () => {
  it('reports a cancelled dialog as cancelled, not as an error', async () => {
    const { handlers } = setUp({ open: null });
    expect(await handlers['file:openBundles']({ multi: true, folders: false })).toEqual({
      ok: true,
      value: { cancelled: true },
    });
  });

  it('reads the picked files with their names and exact bytes', async () => {
    const dir = await makeTempDir();
    const first = path.join(dir, '大连组-李明.pgb');
    const second = path.join(dir, '沈阳组-王芳.pgb');
    await writeFile(first, encoder.encode('first'));
    await writeFile(second, encoder.encode('second'));
    const { handlers, dialog } = setUp({ open: [first, second] });
    const result = await handlers['file:openBundles']({ multi: true, folders: false });
    expect(dialog.openRequests).toEqual([{ multi: true, folders: false }]);
    expect(result.ok).toBe(true);
    if (!result.ok || result.value.cancelled) throw new Error('expected files');
    expect(result.value.files.map((file) => file.name)).toEqual([
      '大连组-李明.pgb',
      '沈阳组-王芳.pgb',
    ]);
    expect(new TextDecoder().decode(result.value.files[1]?.bytes)).toBe('second');
    expect(DESKTOP_CONTRACT['file:openBundles'].result.safeParse(result.value).success).toBe(true);
  });

  it('returns one file when multi is false, whatever the dialog answered', async () => {
    const dir = await makeTempDir();
    const paths = ['a.pgb', 'b.pgb'].map((name) => path.join(dir, name));
    for (const filePath of paths) await writeFile(filePath, 'x');
    const { handlers } = setUp({ open: paths });
    const result = await handlers['file:openBundles']({ multi: false, folders: false });
    if (!result.ok || result.value.cancelled) throw new Error('expected files');
    expect(result.value.files.map((file) => file.name)).toEqual(['a.pgb']);
  });

  it('collects every .pgb file inside picked folders and nothing else', async () => {
    const dir = await makeTempDir();
    await mkdir(path.join(dir, '第二组'), { recursive: true });
    await writeFile(path.join(dir, 'b.pgb'), 'b');
    await writeFile(path.join(dir, 'notes.txt'), 'not a bundle');
    await writeFile(path.join(dir, '第二组', 'a.PGB'), 'a');
    const { handlers } = setUp({ open: [dir] });
    const result = await handlers['file:openBundles']({ multi: false, folders: true });
    if (!result.ok || result.value.cancelled) throw new Error('expected files');
    expect(result.value.files.map((file) => file.name)).toEqual(['b.pgb', 'a.PGB']);
  });

  it('refuses a file over 512 MiB without reading it', async () => {
    const dir = await makeTempDir();
    const huge = path.join(dir, 'huge.pgb');
    await writeFile(huge, '');
    await truncate(huge, MAX_FILE_BYTES + 1); // sparse: no disk space, no memory
    const { handlers } = setUp({ open: [huge] });
    const result = await handlers['file:openBundles']({ multi: false, folders: false });
    expect(result).toMatchObject({ ok: false, error: { code: 'tooLarge' } });
    if (!result.ok) expect(result.error.message).toContain('huge.pgb');
  });

  it('reports a file that vanished after it was picked', async () => {
    const dir = await makeTempDir();
    const { handlers } = setUp({ open: [path.join(dir, 'gone.pgb')] });
    const result = await handlers['file:openBundles']({ multi: false, folders: false });
    expect(result).toMatchObject({ ok: false, error: { code: 'notFound' } });
  });
});

describe('file:saveBundle and file:saveReport', () => {
  it('writes the bytes where the user chose and returns that path', async () => {
    const dir = await makeTempDir();
    const target = path.join(dir, '评估数据.pgb');
    const { handlers, dialog } = setUp({ save: target });
    const result = await handlers['file:saveBundle']({
      suggestedName: '评估数据',
      bytes: new Uint8Array([1, 2, 3]),
    });
    expect(result).toEqual({ ok: true, value: { saved: true, path: target } });
    expect([...(await readFile(target))]).toEqual([1, 2, 3]);
    expect(dialog.saveRequests[0]?.suggestedName).toBe('评估数据.pgb');
    expect(dialog.saveRequests[0]?.filter.extensions).toEqual(['pgb']);
  });

  it('replaces an existing file completely and leaves no temporary file behind', async () => {
    const dir = await makeTempDir();
    const target = path.join(dir, '结果.xlsx');
    await writeFile(target, 'an older, longer report');
    const { handlers, dialog } = setUp({ save: target });
    const result = await handlers['file:saveReport']({
      suggestedName: '结果',
      kind: 'xlsx',
      bytes: encoder.encode('new'),
    });
    expect(result.ok).toBe(true);
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['结果.xlsx']);
    expect(dialog.saveRequests[0]).toMatchObject({
      suggestedName: '结果.xlsx',
      filter: { extensions: ['xlsx'] },
    });
  });

  it('offers each report kind with its own extension', async () => {
    const { handlers, dialog } = setUp({ save: null });
    await handlers['file:saveReport']({
      suggestedName: '汇总',
      kind: 'csv',
      bytes: new Uint8Array(),
    });
    await handlers['file:saveReport']({
      suggestedName: '汇总',
      kind: 'pdf',
      bytes: new Uint8Array(),
    });
    expect(dialog.saveRequests.map((request) => request.suggestedName)).toEqual([
      '汇总.csv',
      '汇总.pdf',
    ]);
  });

  it('reports a cancelled save as not saved and writes nothing', async () => {
    const { handlers } = setUp({ save: null });
    expect(
      await handlers['file:saveBundle']({ suggestedName: 'x.pgb', bytes: new Uint8Array([1]) }),
    ).toEqual({
      ok: true,
      value: { saved: false },
    });
  });

  it('explains a folder that cannot be written to', async () => {
    const dir = await makeTempDir();
    const target = path.join(dir, 'no-such-folder', 'x.pgb');
    const { handlers } = setUp({ save: target });
    const result = await handlers['file:saveBundle']({
      suggestedName: 'x.pgb',
      bytes: new Uint8Array([1]),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'ioFailed' } });
    if (!result.ok) expect(result.error.message).toContain('x.pgb');
  });
});

describe('file:reveal', () => {
  it('shows a file this session saved', async () => {
    const dir = await makeTempDir();
    const target = path.join(dir, 'a.pgb');
    const { handlers, revealed } = setUp({ save: target });
    await handlers['file:saveBundle']({ suggestedName: 'a.pgb', bytes: new Uint8Array([1]) });
    expect(await handlers['file:reveal']({ path: target })).toEqual({ ok: true, value: null });
    expect(revealed).toEqual([target]);
  });

  it('refuses to reveal a path the app did not save', async () => {
    const dir = await makeTempDir();
    const other = path.join(dir, 'other.txt');
    await writeFile(other, 'x');
    const { handlers, revealed } = setUp({});
    for (const filePath of [other, '/etc/passwd', 'relative.pgb']) {
      expect(await handlers['file:reveal']({ path: filePath })).toMatchObject({
        ok: false,
        error: { code: 'notAllowed' },
      });
    }
    expect(revealed).toEqual([]);
  });

  it('says so when a saved file has since been deleted', async () => {
    const dir = await makeTempDir();
    const target = path.join(dir, 'a.pgb');
    const { handlers, savedPaths, revealed } = setUp({});
    savedPaths.remember(target);
    expect(await handlers['file:reveal']({ path: target })).toMatchObject({
      ok: false,
      error: { code: 'notFound' },
    });
    expect(revealed).toEqual([]);
  });
});
