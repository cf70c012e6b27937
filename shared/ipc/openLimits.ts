// The size rules for file:openBundles, checked on names and sizes before any byte is read,
// by the Electron main process (after stat) and by the browser (File.size) alike.
import { MAX_FILE_BYTES, MAX_OPEN_FILES, MAX_OPEN_TOTAL_BYTES } from './contract';
import { fail, ok } from './result';
import type { DesktopResult } from './result';

const MIB = 1024 * 1024;

export const BUNDLE_EXTENSION = 'pgb';

export const isBundleFileName = (name: string): boolean =>
  name.toLowerCase().endsWith(`.${BUNDLE_EXTENSION}`);

export const fileTooLarge = <T = never>(name: string): DesktopResult<T> =>
  fail('tooLarge', `文件“${name}”超过 ${MAX_FILE_BYTES / MIB} MB，无法打开。`);

export const tooManyFiles = <T = never>(): DesktopResult<T> =>
  fail('tooLarge', `一次最多打开 ${MAX_OPEN_FILES} 个文件，请分批打开。`);

export type SizedFile = { readonly name: string; readonly size: number };

/** Refuses a selection with too many files, one file too large, or too many bytes in all. */
export const checkOpenSelection = (files: readonly SizedFile[]): DesktopResult<null> => {
  if (files.length > MAX_OPEN_FILES) return tooManyFiles();
  let total = 0;
  for (const file of files) {
    if (file.size > MAX_FILE_BYTES) return fileTooLarge(file.name);
    total += file.size;
  }
  if (total > MAX_OPEN_TOTAL_BYTES) {
    return fail('tooLarge', `所选文件合计超过 ${MAX_OPEN_TOTAL_BYTES / MIB} MB，请分批打开。`);
  }
  return ok(null);
};
