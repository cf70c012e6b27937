// Getting the department's approvals sheet (批建名单) into the 基地库 tab: picked through the
// desktop API's document dialog or dropped on the card, hashed (SHA-256, kept with each
// approval), then read into cell text in the spreadsheet Web Worker like a roster. An
// unreadable file is refused with the reader's Chinese message.
import { App } from 'antd';
import { useState } from 'react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fileSha256 } from '../../../shared/bundle/fileHash';
import { carriesFiles } from '../../app/fileDrag';
import type { ApprovalsSource } from '../../db/repositories/registryRepository';
import { readTableFileOffThread } from '../../platform/spreadsheetClient';
import { usePickTableFile } from '../secretariat/desktopFiles';

export function useApprovalsFile(onRead: (source: ApprovalsSource) => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [isDragging, setIsDragging] = useState(false);
  const [isReading, setIsReading] = useState(false);
  const pickFile = usePickTableFile();

  const read = async (fileName: string, bytes: Uint8Array) => {
    const key = 'registry-approvals-reading';
    setIsReading(true);
    message.open({
      key,
      type: 'loading',
      content: t('spreadsheet.reading', { file: fileName }),
      duration: 0,
    });
    try {
      const sha256 = await fileSha256(globalThis.crypto, bytes);
      const table = await readTableFileOffThread(fileName, bytes);
      message.destroy(key);
      if (!table.ok) {
        message.error(table.message, 8);
        return;
      }
      onRead({ fileName, rows: table.rows, sha256 });
    } finally {
      message.destroy(key);
      setIsReading(false);
    }
  };

  const pick = async () => {
    const file = await pickFile();
    if (file) await read(file.name, file.bytes);
  };

  const dropTarget = {
    onDragOver: (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      // Stopped here so the window's bundle drop handler does not take the file.
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
