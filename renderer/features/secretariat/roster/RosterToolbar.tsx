// The roster tab's actions: import a roster, download the template (.xlsx or .csv), clear
// the roster while the round is being set up; and a note on what the round's status allows.
import { Alert, App, Button, Popconfirm, Space, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { rosterTemplateCsv, rosterTemplateXlsx } from '../../../../shared/roster';
import type { Round } from '../../../../shared/domain/types';
import { db } from '../../../db/instance';
import { clearRoster } from '../../../db/repositories/rosterRepository';
import { useSaveFile } from '../desktopFiles';
import { SETUP_ACTOR, setupDeps } from '../setupDeps';
import { rosterPermissions } from './rosterPermissions';

export const RosterToolbar = ({
  round,
  baseCount,
  onPick,
  isReading = false,
}: {
  round: Round;
  baseCount: number;
  onPick: () => void;
  /** A file is being read: the import button waits. */
  isReading?: boolean;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const saveFile = useSaveFile();
  const { canImport, canDelete } = rosterPermissions(round);

  const saveTemplate = (kind: 'xlsx' | 'csv') =>
    saveFile(
      {
        suggestedName: `${t('roster.templateFileName')}.${kind}`,
        kind,
        bytes: kind === 'xlsx' ? rosterTemplateXlsx() : rosterTemplateCsv(),
      },
      { saved: t('roster.templateSaved') },
    );

  const clear = async () => {
    const result = await clearRoster(db, round.id, SETUP_ACTOR, setupDeps);
    if (result.ok) message.success(t('roster.cleared', { count: result.value.bases }));
    else message.error(result.error.message);
  };

  const note =
    round.archive !== undefined
      ? t('roster.archivedNote')
      : round.status === 'closed'
        ? t('roster.closedNote')
        : round.status === 'issued'
          ? t('roster.issuedNote')
          : t('roster.setupNote');

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%', marginBottom: 12 }}>
      <Space wrap>
        {canImport ? (
          <Button
            type="primary"
            icon={<UploadOutlined />}
            onClick={onPick}
            loading={isReading}
            data-testid="roster-import-button"
          >
            {t('roster.importButton')}
          </Button>
        ) : null}
        <Button
          icon={<DownloadOutlined />}
          onClick={() => void saveTemplate('xlsx')}
          data-testid="roster-template-xlsx"
        >
          {t('roster.templateXlsx')}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => void saveTemplate('csv')}
          data-testid="roster-template-csv"
        >
          {t('roster.templateCsv')}
        </Button>
        {canDelete && baseCount > 0 ? (
          <Popconfirm
            title={t('roster.clearConfirm', { count: baseCount })}
            okText={t('common.confirm')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => clear()}
          >
            <Button danger data-testid="roster-clear">
              {t('roster.clear')}
            </Button>
          </Popconfirm>
        ) : null}
        <Typography.Text type="secondary" data-testid="roster-count">
          {t('roster.count', { count: baseCount })}
        </Typography.Text>
      </Space>
      <Alert
        type={round.status === 'setup' && round.archive === undefined ? 'info' : 'warning'}
        showIcon
        title={note}
      />
      {canImport ? (
        <Typography.Text type="secondary">{t('roster.dropHint')}</Typography.Text>
      ) : null}
    </Space>
  );
};
