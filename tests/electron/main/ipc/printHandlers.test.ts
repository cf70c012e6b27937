import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PrintToPDFOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createPrintHandlers, PDF_OPTIONS } from '../../../../electron/main/ipc/printHandlers';
import { createSavedPaths } from '../../../../electron/main/services/savedPaths';
import { makeTempDir, scriptedDialog } from '../../../helpers/desktop';

const PDF = new TextEncoder().encode('%PDF-1.7 test');

describe('print:toPdf', () => {
  it('prints the window on A4 with backgrounds, then saves where the user chose', async () => {
    const dir = await makeTempDir();
    const target = path.join(dir, '结果.pdf');
    const dialog = scriptedDialog({ save: target });
    const savedPaths = createSavedPaths();
    const printed: PrintToPDFOptions[] = [];
    const handlers = createPrintHandlers({
      dialog,
      savedPaths,
      printToPdf: async (options) => {
        printed.push(options);
        return PDF;
      },
    });
    const result = await handlers['print:toPdf']({ suggestedName: '结果' });
    expect(result).toEqual({ ok: true, value: { saved: true, path: target } });
    expect(printed).toEqual([PDF_OPTIONS]);
    expect(PDF_OPTIONS).toMatchObject({ pageSize: 'A4', printBackground: true });
    expect(dialog.saveRequests[0]).toMatchObject({
      suggestedName: '结果.pdf',
      filter: { extensions: ['pdf'] },
    });
    expect(await readFile(target)).toEqual(Buffer.from(PDF));
    expect(savedPaths.has(target)).toBe(true);
  });

  it('reports a cancelled save dialog as not saved', async () => {
    const handlers = createPrintHandlers({
      dialog: scriptedDialog({ save: null }),
      savedPaths: createSavedPaths(),
      printToPdf: async () => PDF,
    });
    expect(await handlers['print:toPdf']({ suggestedName: 'x.pdf' })).toEqual({
      ok: true,
      value: { saved: false },
    });
  });

  it('reports a failed print before asking where to save', async () => {
    const dialog = scriptedDialog({ save: '/tmp/never.pdf' });
    const handlers = createPrintHandlers({
      dialog,
      savedPaths: createSavedPaths(),
      printToPdf: async () => {
        throw new Error('printing failed');
      },
    });
    expect(await handlers['print:toPdf']({ suggestedName: 'x.pdf' })).toMatchObject({
      ok: false,
      error: { code: 'ioFailed' },
    });
    expect(dialog.saveRequests).toEqual([]);
  });
});
