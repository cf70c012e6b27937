// "在本机继续…": the scoring area's way to take over a lost or broken panel laptop's work
// from its last score bundle or backup (see useContinueHere), with a tooltip saying when.
import { Button, Tooltip } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ContinueDialogs } from './ContinueDialogs';
import { useContinueHere } from './useContinueHere';

export const ContinueHereButton = ({ roundId, actor }: { roundId: string; actor: string }) => {
  const { t } = useTranslation();
  const flow = useContinueHere(roundId);
  return (
    <>
      <Tooltip title={t('continue.hint')}>
        <Button icon={<SwapOutlined />} onClick={flow.pick} data-testid="continue-here">
          {t('continue.button')}
        </Button>
      </Tooltip>
      <ContinueDialogs
        state={flow.state}
        actor={actor}
        onPassphrase={(file, passphrase) => flow.open(file, passphrase)}
        onConfirm={flow.commit}
        onClose={flow.close}
      />
    </>
  );
};
