// Above a printable document on screen (hidden when printing): print and back.
import { Button, Space, Typography } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import './print.css';

export const PrintToolbar = ({ onBack }: { onBack: () => void }) => {
  const { t } = useTranslation();
  return (
    <Space className="no-print" style={{ marginBottom: 16 }} wrap>
      <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
        {t('scoring.print.back')}
      </Button>
      <Button
        type="primary"
        icon={<PrinterOutlined />}
        onClick={() => window.print()}
        data-testid="print-now"
      >
        {t('scoring.print.print')}
      </Button>
      <Typography.Text type="secondary">{t('scoring.print.hint')}</Typography.Text>
    </Space>
  );
};
