// One export of the 报告 tab: what it contains, then the button that makes it.
import { Button, Card, Typography } from 'antd';
import type { ReactNode } from 'react';

export const ExportCard = ({
  title,
  icon,
  children,
  buttonLabel,
  testId,
  isBusy = false,
  isDisabled = false,
  onExport,
}: {
  title: string;
  icon: ReactNode;
  children: ReactNode;
  buttonLabel: string;
  testId: string;
  isBusy?: boolean;
  isDisabled?: boolean;
  onExport: () => void;
}) => (
  <Card
    title={
      <span>
        {icon} {title}
      </span>
    }
    style={{ height: '100%' }}
    styles={{
      body: { display: 'flex', flexDirection: 'column', gap: 12, height: 'calc(100% - 56px)' },
    }}
  >
    <Typography.Paragraph type="secondary" style={{ flex: 1, marginBottom: 0 }}>
      {children}
    </Typography.Paragraph>
    <div>
      <Button
        type="primary"
        icon={icon}
        loading={isBusy}
        disabled={isDisabled}
        onClick={onExport}
        data-testid={testId}
      >
        {buttonLabel}
      </Button>
    </div>
  </Card>
);
