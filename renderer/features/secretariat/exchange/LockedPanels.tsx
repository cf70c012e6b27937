// Encrypted score bundles wait for a passphrase: one field per panel (not per file), since a
// panel's laptops export with the passphrase the chair was given. A wrong one says so.
import { Alert, Button, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchItem } from '../../../db/bundles';

type LockedPanel = { panelId: string; panelName: string; count: number; isWrong: boolean };

export function lockedPanels(items: readonly BatchItem[]): LockedPanel[] {
  const panels = new Map<string, LockedPanel>();
  for (const item of items) {
    if (item.status !== 'locked' || item.panelId === undefined) continue;
    const panel = panels.get(item.panelId) ?? {
      panelId: item.panelId,
      panelName: item.panelName ?? item.panelId,
      count: 0,
      isWrong: false,
    };
    panels.set(item.panelId, {
      ...panel,
      count: panel.count + 1,
      isWrong: panel.isWrong || item.wrongPassphrase === true,
    });
  }
  return [...panels.values()];
}

export const LockedPanels = ({
  items,
  isBusy,
  onUnlock,
}: {
  items: readonly BatchItem[];
  isBusy: boolean;
  onUnlock: (panelId: string, passphrase: string) => void;
}) => {
  const { t } = useTranslation();
  const [typed, setTyped] = useState<Record<string, string>>({});
  const panels = lockedPanels(items);
  if (panels.length === 0) return null;
  const unlock = (panelId: string) => {
    const passphrase = typed[panelId] ?? '';
    if (passphrase !== '') onUnlock(panelId, passphrase);
  };
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={t('exchange.import.lockedTitle')}
      data-testid="batch-locked"
      description={
        <Space orientation="vertical" style={{ width: '100%' }}>
          {panels.map((panel, i) => (
            <div key={panel.panelId}>
              <Typography.Text strong>
                {t('exchange.import.lockedPanel', { panel: panel.panelName, count: panel.count })}
              </Typography.Text>
              <Space.Compact style={{ display: 'flex', maxWidth: 420, marginTop: 4 }}>
                <Input.Password
                  status={panel.isWrong ? 'error' : undefined}
                  placeholder={t('exchange.import.passphrasePlaceholder')}
                  value={typed[panel.panelId] ?? ''}
                  onChange={(e) => setTyped((all) => ({ ...all, [panel.panelId]: e.target.value }))}
                  onPressEnter={() => unlock(panel.panelId)}
                  data-testid={`batch-passphrase-${i + 1}`}
                />
                <Button
                  disabled={isBusy || (typed[panel.panelId] ?? '') === ''}
                  onClick={() => unlock(panel.panelId)}
                  data-testid={`batch-unlock-${i + 1}`}
                >
                  {t('exchange.import.unlock')}
                </Button>
              </Space.Compact>
              {panel.isWrong ? (
                <Typography.Text type="danger" style={{ display: 'block' }}>
                  {t('exchange.import.wrongPassphrase')}
                </Typography.Text>
              ) : null}
            </div>
          ))}
        </Space>
      }
    />
  );
};
