// print:toPdf: the window's current page as an A4 PDF (what the print stylesheet shows), then
// a save dialog. Printing happens first so a failure is reported before the user picks a
// place; the bytes are written atomically like every other saved file.
import type { PrintToPDFOptions } from 'electron';
import type { DesktopHandlers } from '../../../shared/ipc/contract';
import { fail } from '../../../shared/ipc/result';
import { REPORT_FILTERS } from '../services/dialogs';
import { saveWithDialog } from './fileHandlers';
import type { SaveServices } from './fileHandlers';

export type PrintHandlers = Pick<DesktopHandlers, 'print:toPdf'>;

/** A4 portrait with the page's backgrounds (grade colours) and its own @page size if set. */
export const PDF_OPTIONS = {
  pageSize: 'A4',
  landscape: false,
  printBackground: true,
  preferCSSPageSize: true,
  generateDocumentOutline: true,
} as const satisfies PrintToPDFOptions;

export type PrintHandlerServices = SaveServices & {
  /** webContents.printToPDF of the main window; rejects when there is no window. */
  readonly printToPdf: (options: PrintToPDFOptions) => Promise<Uint8Array>;
};

export const createPrintHandlers = (services: PrintHandlerServices): PrintHandlers => ({
  'print:toPdf': async ({ suggestedName }) => {
    let bytes: Uint8Array;
    try {
      bytes = await services.printToPdf(PDF_OPTIONS);
    } catch {
      return fail('ioFailed', '无法生成 PDF，请关闭其他打印任务后重试。', 'printToPDF rejected');
    }
    return saveWithDialog(services, {
      title: '导出 PDF',
      suggestedName,
      filter: REPORT_FILTERS.pdf,
      bytes,
    });
  },
});
