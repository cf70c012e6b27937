// In the desktop app, printable pages are also saved straight to PDF (printToPDF, A4, then a
// save dialog). A browser has no such call: there the print dialog's "save as PDF" does it,
// so the button is not shown.
import { App, Button } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDesktopApi } from '../../platform/desktopApi';

export const SavePdfButton = ({ suggestedName }: { suggestedName: string }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [isDesktop, setIsDesktop] = useState(false);

  useEffect(() => {
    let isCurrent = true;
    void getDesktopApi()
      .app.getInfo()
      .then((info) => {
        if (isCurrent) setIsDesktop(info.ok && info.value.platform === 'electron');
      });
    return () => {
      isCurrent = false;
    };
  }, []);

  if (!isDesktop) return null;
  const save = async () => {
    const saved = await getDesktopApi().print.toPdf({ suggestedName });
    if (!saved.ok) message.error(t('common.pdfFailed', { message: saved.error.message }));
    else if (saved.value.saved) message.success(t('common.pdfSaved'));
  };
  return (
    <Button icon={<FilePdfOutlined />} onClick={() => void save()} data-testid="save-pdf">
      {t('common.savePdf')}
    </Button>
  );
};
