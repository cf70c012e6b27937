// The tick that lets a key be pinned: a panel device's first key, or a key other than the one
// trusted before, is used only after a person ticks that its fingerprint matches the one on
// the panel's signed paper summary and gives their name (the pin records who and when).
import { Alert, Checkbox, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../db/bundles';
import { importErrorText } from './format';

/** Whether the import may go ahead: no key to confirm, or ticked with a name. */
export const isKeyConfirmed = (
  preview: ImportPreview,
  isTicked: boolean,
  operator: string,
): boolean => preview.blocking === undefined || (isTicked && operator.trim() !== '');

export const KeyConfirmation = ({
  preview,
  isTicked,
  onTicked,
  operator,
  onOperator,
}: {
  preview: ImportPreview;
  isTicked: boolean;
  onTicked: (isTicked: boolean) => void;
  operator: string;
  onOperator: (name: string) => void;
}) => {
  const { t, i18n } = useTranslation();
  const { blocking, key } = preview;
  if (blocking === undefined) return null;
  const isNew = key.status === 'newDevice';
  const why = !isTicked
    ? t('trust.import.needTick')
    : operator.trim() === ''
      ? t('trust.import.needOperator')
      : undefined;
  return (
    <Alert
      type={isNew ? 'warning' : 'error'}
      showIcon
      style={{ marginTop: 12 }}
      data-testid="key-confirmation"
      title={isNew ? t('trust.import.newKeyTitle') : importErrorText(blocking, i18n.language)}
      description={
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Checkbox
            checked={isTicked}
            onChange={(event) => onTicked(event.target.checked)}
            data-testid="import-accept-key"
          >
            {isNew
              ? t('trust.import.confirmNew', { fingerprint: key.fingerprint })
              : t('backups.import.acceptKey')}
          </Checkbox>
          <Space>
            <Typography.Text>{t('trust.operator')}</Typography.Text>
            <Input
              value={operator}
              maxLength={200}
              placeholder={t('trust.operatorPlaceholder')}
              onChange={(event) => onOperator(event.target.value)}
              style={{ width: 240 }}
              data-testid="key-operator"
            />
          </Space>
          {why === undefined ? null : (
            <Typography.Text type="secondary" data-testid="key-confirmation-why">
              {why}
            </Typography.Text>
          )}
        </Space>
      }
    />
  );
};
