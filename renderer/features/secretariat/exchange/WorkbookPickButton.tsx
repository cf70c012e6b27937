// 选择 Excel 评分表…: filled scoresheet workbooks (.xlsx) picked into the same batch as score
// bundles (the bundle picker takes .pgb only; dropping works for both).
import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BatchFile } from '../../../db/bundles';
import { getDesktopApi } from '../../../platform/desktopApi';

export const WorkbookPickButton = ({
  disabled,
  onFiles,
}: {
  disabled: boolean;
  onFiles: (files: readonly BatchFile[]) => Promise<void>;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const pick = async () => {
    const picked = await getDesktopApi().file.openDocuments({ multi: true, extensions: ['xlsx'] });
    if (!picked.ok) {
      void message.error(picked.error.message);
      return;
    }
    if (picked.value.cancelled || picked.value.files.length === 0) return;
    await onFiles(picked.value.files);
  };
  return (
    <Button
      icon={<FileExcelOutlined />}
      disabled={disabled}
      onClick={() => void pick()}
      data-testid="batch-import-workbooks-button"
    >
      {t('workbook.import.pick')}
    </Button>
  );
};
