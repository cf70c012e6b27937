// Filled Excel scoresheets dropped on the exchange tab go to the same batch as score bundles.
import { describe, expect, it } from 'vitest';
import { bundleFilesOf } from '../../../../../renderer/features/secretariat/exchange/droppedFiles';
import type { EntryLike } from '../../../../../renderer/features/secretariat/exchange/droppedFiles';

const fileEntry = (name: string): EntryLike => ({
  isFile: true,
  isDirectory: false,
  name,
  file: (success) => success(new File([name], name)),
});

describe('dropping Excel scoresheets', () => {
  it('keeps .xlsx files next to bundles, in a folder or alone, and ignores other files', async () => {
    const folder: EntryLike = {
      isFile: false,
      isDirectory: true,
      name: '回收',
      createReader: () => {
        let done = false;
        return {
          readEntries: (success) => {
            const batch = done
              ? []
              : [fileEntry('张三.XLSX'), fileEntry('说明.docx'), fileEntry('a.pgb')];
            done = true;
            success(batch);
          },
        };
      },
    };
    const files = await bundleFilesOf([
      { entry: folder, file: null },
      { entry: null, file: new File(['x'], '李四.xlsx') },
      { entry: null, file: new File(['x'], '旧表.xls') },
    ]);
    expect(files.map((f) => f.name)).toEqual(['a.pgb', '张三.XLSX', '李四.xlsx']);
  });
});
