// The secretariat's table files through the desktop API (dialogs in Electron, a file input
// and downloads in a browser): picking one .xlsx or .csv file to import, and saving an
// export. Each shows what went wrong, in the API's Chinese message; a save also says that
// the file was written. A cancelled dialog is silent.
import { App } from 'antd';
import { useCallback } from 'react';
import type { OpenedFile, SaveReportRequest } from '../../../shared/ipc/contract';
import { getDesktopApi } from '../../platform/desktopApi';

/** Asks for one .xlsx or .csv file; null when cancelled or refused (the refusal is shown). */
export function usePickTableFile(): () => Promise<OpenedFile | null> {
  const { message } = App.useApp();
  return useCallback(async () => {
    const picked = await getDesktopApi().file.openDocuments({
      multi: false,
      extensions: ['xlsx', 'csv'],
    });
    if (!picked.ok) {
      message.error(picked.error.message);
      return null;
    }
    if (picked.value.cancelled) return null;
    return picked.value.files[0] ?? null;
  }, [message]);
}

export type SaveFileMessages = {
  /** Shown once the file is written. */
  saved: string;
  /** The failure as shown; default: the API's own message. */
  failed?: (reason: string) => string;
};

/** Saves an export (save dialog or download) and says how it went. */
export function useSaveFile(): (
  request: SaveReportRequest,
  messages: SaveFileMessages,
) => Promise<void> {
  const { message } = App.useApp();
  return useCallback(
    async (request, messages) => {
      const saved = await getDesktopApi().file.saveReport(request);
      if (!saved.ok) {
        const reason = saved.error.message;
        message.error(messages.failed ? messages.failed(reason) : reason);
      } else if (saved.value.saved) {
        message.success(messages.saved);
      }
    },
    [message],
  );
}
