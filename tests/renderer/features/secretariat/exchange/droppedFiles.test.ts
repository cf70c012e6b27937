// A folder dropped on the exchange tab: its score bundles are found at any depth, read in the
// batches a browser's directory reader hands out, other files ignored.
import { describe, expect, it } from 'vitest';
import { bundleFilesOf } from '../../../../../renderer/features/secretariat/exchange/droppedFiles';
import type { EntryLike } from '../../../../../renderer/features/secretariat/exchange/droppedFiles';

const fileEntry = (name: string, isReadable = true): EntryLike => ({
  isFile: true,
  isDirectory: false,
  name,
  file: (success, failure) =>
    isReadable ? success(new File([name], name)) : failure?.(new Error('gone')),
});

/** A directory whose reader returns its children two at a time, then an empty batch. */
const folderEntry = (name: string, children: EntryLike[]): EntryLike => ({
  isFile: false,
  isDirectory: true,
  name,
  createReader: () => {
    let next = 0;
    return {
      readEntries: (success) => {
        const batch = children.slice(next, next + 2);
        next += batch.length;
        success(batch);
      },
    };
  },
});

const names = (files: File[]) => files.map((f) => f.name);

describe('bundleFilesOf', () => {
  it('finds the bundles of a dropped folder, nested folders included, in name order', async () => {
    const stick = folderEntry('U盘', [
      fileEntry('评分包-大连组.pgb'),
      fileEntry('说明.docx'),
      folderEntry('沈阳', [
        fileEntry('评分包-沈阳一组.PGB'),
        fileEntry('评分包-沈阳二组.pgb'),
        fileEntry('Thumbs.db'),
      ]),
      fileEntry('评分包-鞍山组.pgb'),
      fileEntry('评分包-锦州组.pgb'),
    ]);
    const files = await bundleFilesOf([{ entry: stick, file: null }]);
    // Code-point order: the folder 沈阳 (U+6C88) sorts before 评分包… (U+8BC4).
    expect(names(files)).toEqual([
      '评分包-沈阳一组.PGB',
      '评分包-沈阳二组.pgb',
      '评分包-大连组.pgb',
      '评分包-锦州组.pgb',
      '评分包-鞍山组.pgb',
    ]);
  });

  it('takes dropped files as they are and falls back to the plain file without an entry', async () => {
    const plain = new File(['x'], 'b.pgb');
    const files = await bundleFilesOf([
      { entry: fileEntry('a.pgb'), file: null },
      { entry: null, file: plain },
      { entry: null, file: new File(['x'], 'notes.txt') },
    ]);
    expect(names(files)).toEqual(['a.pgb', 'b.pgb']);
  });

  it('skips a file that can no longer be read rather than failing the drop', async () => {
    const files = await bundleFilesOf([
      { entry: folderEntry('f', [fileEntry('gone.pgb', false), fileEntry('ok.pgb')]), file: null },
    ]);
    expect(names(files)).toEqual(['ok.pgb']);
  });
});
