// Getting a roster file into the tab: picked through the desktop API's document dialog or
// dropped onto the tab, then read into cell text in a Web Worker within a size and time
// budget (readTableFileOffThread: .xlsx, or CSV in UTF-8 or GBK), so the window never
// freezes. Unreadable files are refused with the reader's Chinese message.
import { App } from 'antd';
import { useState } from 'react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { readTableFileOffThread } from '../../../platform/spreadsheetClient';
import { usePickTableFile } from '../desktopFiles';
import { carriesFiles } from '../../../app/fileDrag';

export type PickedRoster = {
  fileName: string;
  rows: string[][];
  sheetName?: string;
  encoding?: 'utf-8' | 'gbk';
};

export function useRosterFile(onRead: (picked: PickedRoster) => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [isDragging, setIsDragging] = useState(false);
  const [isReading, setIsReading] = useState(false);
  const pickFile = usePickTableFile();

  const read = async (name: string, bytes: Uint8Array) => {
    const key = 'roster-reading';
    setIsReading(true);
    message.open({
      key,
      type: 'loading',
      content: t('spreadsheet.reading', { file: name }),
      duration: 0,
    });
    const table = await readTableFileOffThread(name, bytes);
    message.destroy(key);
    setIsReading(false);
    if (!table.ok) {
      message.error(table.message, 8);
      return;
    }
    const picked: PickedRoster = { fileName: name, rows: table.rows };
    if (table.sheetName !== undefined) picked.sheetName = table.sheetName;
    if (table.encoding !== undefined) picked.encoding = table.encoding;
    onRead(picked);
  };

  const pick = async () => {
    const file = await pickFile();
    if (file) await read(file.name, file.bytes);
  };

  /** Handlers for the element files may be dropped on. */
  const dropTarget = {
    onDragOver: (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      // Without this the window would navigate to the file; stopped here so the window's
      // own bundle drop handler does not take it.
      event.preventDefault();
      event.stopPropagation();
      event.dataTransfer.dropEffect = 'copy';
      setIsDragging(true);
    },
    onDragLeave: () => setIsDragging(false),
    onDrop: (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      event.preventDefault();
      event.stopPropagation();
      setIsDragging(false);
      const files = [...event.dataTransfer.files];
      const file = files[0];
      if (files.length !== 1 || file === undefined) {
        message.error(t('roster.onlyOneFile'));
        return;
      }
      void file.arrayBuffer().then(
        (buffer) => read(file.name, new Uint8Array(buffer)),
        () => message.error(t('roster.readFailed', { file: file.name })),
      );
    },
  };

  return { pick, dropTarget, isDragging, isReading };
}
