// "打开评审任务包": a button (file dialog or browser file picker) and dropping the file on the
// window, then the import dialogs.
import { Button, Space, Typography } from 'antd';
import { FolderOpenOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { RoundBundleDialogs } from './RoundBundleDialogs';
import { useRoundBundleImport } from './useRoundBundleImport';
import { useWindowFileDrop } from './useWindowFileDrop';

export const RoundBundleOpener = ({ actor, showHint }: { actor: string; showHint?: boolean }) => {
  const { t } = useTranslation();
  const flow = useRoundBundleImport(actor);
  useWindowFileDrop(flow.open);
  return (
    <Space wrap>
      <Button icon={<FolderOpenOutlined />} onClick={flow.pick} data-testid="open-round-bundle">
        {t('scoring.bundle.open')}
      </Button>
      {showHint ? (
        <Typography.Text type="secondary">{t('scoring.bundle.dropHint')}</Typography.Text>
      ) : null}
      <RoundBundleDialogs
        state={flow.state}
        onPassphrase={(file, passphrase) => flow.open(file, passphrase)}
        onCommit={flow.commit}
        onClose={flow.close}
      />
    </Space>
  );
};
