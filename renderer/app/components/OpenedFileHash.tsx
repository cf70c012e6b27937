// The SHA-256 of a bundle file as opened, for comparing with the secretariat's hand-over
// sheet: while computing, on failure, or the grouped value with (for a round bundle) the
// sentence saying what to compare it with. Used by every dialog that opens a bundle.
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FileSha256State } from '../hooks/useFileSha256';
import { FileHashText } from './FileHashText';

export const OpenedFileHash = ({
  state,
  isRoundBundle,
}: {
  state: FileSha256State;
  isRoundBundle: boolean;
}) => {
  const { t } = useTranslation();
  if (state.status === 'computing') {
    return <Typography.Text type="secondary">{t('fileHash.computing')}</Typography.Text>;
  }
  if (state.status === 'failed') {
    return (
      <Typography.Text type="danger">
        {t('fileHash.failed', { message: state.message })}
      </Typography.Text>
    );
  }
  return (
    <>
      <FileHashText sha256={state.sha256} testId="import-sha256" />
      {isRoundBundle ? (
        <Typography.Text
          type="secondary"
          style={{ display: 'block', marginTop: 4 }}
          data-testid="import-sha256-compare"
        >
          {t('fileHash.openedCompare')}
        </Typography.Text>
      ) : null}
    </>
  );
};
