// Above a printable document on screen (hidden when printing): print and back.
import { Button, Space, Typography } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { SavePdfButton } from '../../../app/components/SavePdfButton';
import './print.css';

export const PrintToolbar = ({
  onBack,
  pdfName = `评估通-评分表-${new Date().toISOString().slice(0, 10)}.pdf`,
}: {
  onBack: () => void;
  pdfName?: string;
}) => {
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
      <SavePdfButton suggestedName={pdfName} />
      <Typography.Text type="secondary">{t('scoring.print.hint')}</Typography.Text>
    </Space>
  );
};
