// The reminder list as a printable A4 page, laid over the app (a portal on <body>) so that
// printing shows only the list: reminderPrint.css hides the app while it is open.
import { Button, Space, Table, Typography } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { ReminderRow } from '../../../../shared/secretariat/reminders';
import { SavePdfButton } from '../../../app/components/SavePdfButton';
import './reminderPrint.css';

export const ReminderPrintView = ({
  rows,
  roundName,
  generatedAt,
  pdfName,
  onClose,
}: {
  rows: readonly ReminderRow[];
  roundName: string;
  generatedAt: string;
  pdfName: string;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const sheets = rows.reduce((sum, row) => sum + row.items.length, 0);
  return createPortal(
    <div className="reminder-print" data-testid="reminder-print">
      <Space className="no-print" style={{ marginBottom: 16 }} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={onClose} data-testid="reminder-print-close">
          {t('results.progress.back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('results.progress.printNow')}
        </Button>
        <SavePdfButton suggestedName={pdfName} />
      </Space>
      <Typography.Title level={3}>{t('results.progress.printTitle')}</Typography.Title>
      <Typography.Paragraph>
        {t('results.progress.printMeta', {
          round: roundName,
          time: generatedAt,
          experts: rows.length,
          sheets,
        })}
      </Typography.Paragraph>
      <Table<ReminderRow>
        size="small"
        bordered
        pagination={false}
        rowKey={(row) => `${row.panelId}:${row.expertId}`}
        dataSource={[...rows]}
        columns={[
          {
            title: t('results.progress.panel'),
            key: 'panel',
            render: (_, r) => r.panelName,
            width: 110,
          },
          {
            title: t('results.progress.expert'),
            key: 'expert',
            render: (_, r) => r.expertName,
            width: 80,
          },
          {
            title: t('results.progress.phone'),
            key: 'phone',
            render: (_, r) => r.phone || '—',
            width: 120,
          },
          {
            title: t('results.progress.outstandingBases'),
            key: 'items',
            render: (_, r) => (
              <ol style={{ margin: 0, paddingLeft: 20 }}>
                {r.items.map((item) => (
                  <li key={item.baseId}>
                    {t('results.progress.itemLine', {
                      base: item.baseName,
                      state:
                        item.state === 'draft' && item.scoredCount > 0
                          ? t('results.progress.draftScored', { count: item.scoredCount })
                          : t(`results.states.${item.state}`),
                    })}
                  </li>
                ))}
              </ol>
            ),
          },
          { title: t('results.progress.calledAt'), key: 'called', width: 110, render: () => '' },
        ]}
      />
    </div>,
    document.body,
  );
};
