// The app's connection to its shell, mounted once inside the router: starts the backup
// schedule, answers the main process (quit backup, menu actions, bundles opened from the
// file manager), takes .pgb files dropped on the window, and on an empty database offers
// to restore the newest backup. Renders only the import dialog when files are waiting.
import { App } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { OpenedFile } from '../../../shared/ipc/contract';
import type { MenuAction } from '../../../shared/ipc/shellEvents';
import { checkOpenSelection, isBundleFileName } from '../../../shared/ipc/openLimits';
import { ROUTES } from '../../app/routes';
import { db } from '../../db/instance';
import { getDesktopApi } from '../../platform/desktopApi';
import { getBackupScheduler, startBackupSchedule } from './backupRuntime';
import { isDatabaseEmpty } from './backupService';
import { formatTime } from './format';
import { ImportBundleDialog } from './ImportBundleDialog';
import { useRestoreBackup } from './useRestoreBackup';
import { carriesFiles } from '../../app/fileDrag';
import { onOpenBundleRequest } from '../../app/bundleOpenRequests';

// Once per page load, whatever React's StrictMode does with effects.
let restoreOfferChecked = false;

const readDropped = async (files: readonly File[]): Promise<OpenedFile[]> => {
  if (!checkOpenSelection(files).ok) return [];
  const read: OpenedFile[] = [];
  for (const file of files) {
    // An unreadable file is opened as empty, so the import says it is not a bundle.
    const bytes = await file.arrayBuffer().then(
      (buffer) => new Uint8Array(buffer),
      () => new Uint8Array(),
    );
    read.push({ name: file.name, bytes });
  }
  return read;
};

const pdfName = (): string => `评估通-${new Date().toISOString().slice(0, 10)}.pdf`;

export const DesktopShell = () => {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const restore = useRestoreBackup();
  const [waiting, setWaiting] = useState<readonly OpenedFile[]>([]);

  // The latest render's handlers, so the subscriptions below are made once.
  const latest = useRef({
    navigate,
    message,
    modal,
    t,
    language: i18n.language,
    restore,
    pathname: location.pathname,
  });
  useEffect(() => {
    latest.current = {
      navigate,
      message,
      modal,
      t,
      language: i18n.language,
      restore,
      pathname: location.pathname,
    };
  });

  const open = useCallback((files: readonly OpenedFile[]) => {
    if (files.length > 0) setWaiting((queued) => [...queued, ...files]);
  }, []);

  useEffect(() => startBackupSchedule(), []);
  useEffect(() => onOpenBundleRequest(open), [open]);

  useEffect(() => {
    const api = getDesktopApi();
    const backups = getBackupScheduler();
    const onMenuAction = async (action: MenuAction) => {
      const { navigate: go, message: say, t: tr } = latest.current;
      switch (action) {
        case 'openBundles': {
          const picked = await api.file.openBundles({ multi: true, folders: false });
          if (!picked.ok) say.error(picked.error.message);
          else if (!picked.value.cancelled) open(picked.value.files);
          return;
        }
        case 'backups':
          await go(ROUTES.backups);
          return;
        case 'about':
          await go(ROUTES.about);
          return;
        case 'print':
          window.print();
          return;
        case 'exportPdf': {
          const saved = await api.print.toPdf({ suggestedName: pdfName() });
          if (!saved.ok) say.error(tr('backups.shell.pdfFailed', { message: saved.error.message }));
          else if (saved.value.saved) say.success(tr('backups.shell.pdfSaved'));
        }
      }
    };
    const unsubscribe = [
      api.events.onMenuAction(({ action }) => void onMenuAction(action)),
      api.events.onOpenBundles(({ files, problems }) => {
        open(files);
        if (problems.length > 0) {
          latest.current.message.error(
            latest.current.t('backups.shell.openProblems', { problems: problems.join(' ') }),
          );
        }
      }),
      api.events.onBeforeQuit(({ requestId }) => {
        void backups.backupIfChanged('quit').finally(() => void api.app.readyToQuit({ requestId }));
      }),
    ];
    // Subscribed: main may now send the files it queued and menu actions.
    void api.app.rendererReady();
    // A browser has no quit event; a tab being hidden (closed, switched away) is the nearest.
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void backups.backupIfChanged('auto');
    };
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      for (const stop of unsubscribe) stop();
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, [open]);

  useEffect(() => {
    const onDragOver = (event: DragEvent) => {
      // The scoring screen's round bundle opener takes drops there.
      if (!carriesFiles(event.dataTransfer) || latest.current.pathname === ROUTES.scoring) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer) || latest.current.pathname === ROUTES.scoring) return;
      event.preventDefault();
      const files = [...(event.dataTransfer?.files ?? [])].filter((file) =>
        isBundleFileName(file.name),
      );
      void readDropped(files).then(open);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [open]);

  useEffect(() => {
    if (restoreOfferChecked) return;
    restoreOfferChecked = true;
    void (async () => {
      if (!(await isDatabaseEmpty(db))) return;
      const listed = await getDesktopApi().backup.list();
      const newest = listed.ok ? listed.value.backups[0] : undefined;
      if (!listed.ok || newest === undefined) return;
      const { modal: ask, t: tr, language } = latest.current;
      ask.confirm({
        title: tr('backups.offerTitle'),
        content: tr('backups.offerBody', {
          count: listed.value.backups.length,
          time: formatTime(newest.createdAt, language),
        }),
        okText: tr('backups.offerRestore'),
        cancelText: tr('backups.offerLater'),
        className: 'restore-offer',
        onOk: async () => {
          const read = await getDesktopApi().backup.read({ name: newest.name });
          if (!read.ok) latest.current.message.error(read.error.message);
          else await latest.current.restore(read.value.bytes, newest.name, false);
        },
      });
    })();
  }, []);

  return waiting.length > 0 ? (
    <ImportBundleDialog files={waiting} onClose={() => setWaiting([])} />
  ) : null;
};
