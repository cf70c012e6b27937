// The 进度 tab: how far scoring has come in every panel, for every expert and base, and the
// reminder list (催办清单) of what is outstanding, exported as CSV or Excel or printed. Sheets
// voided by changes after issue count for nothing here and are listed below (作废记录); a
// missing sheet waived at closing (缺评) shows as such with its reason and is never reminded.
import { App, Button, Card, Segmented, Space, Spin, Switch, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Round } from '../../../../shared/domain/types';
import { reminderFileName, reminderRows } from '../../../../shared/secretariat/reminders';
import { systemClock } from '../../../app/clock';
import { formatLocalTime } from '../../scoring/AuditTrail';
import { BaseProgressTable } from './BaseProgressTable';
import { CountsLine } from './CountsLine';
import { useSaveFile } from '../desktopFiles';
import { reminderSaveRequest } from './exportReminders';
import type { ReminderFileKind } from './exportReminders';
import { PanelCards } from './PanelCards';
import { ReminderPrintView } from './ReminderPrintView';
import { useProgress } from './useProgress';
import { VoidedSheetsCard } from '../results/VoidedSheetsCard';

type View = 'panels' | 'bases';

export const ProgressTab = ({ round }: { round: Round }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const saveFile = useSaveFile();
  const progress = useProgress(round.id);
  const [view, setView] = useState<View>('panels');
  const [onlyOutstanding, setOnlyOutstanding] = useState(false);
  const [printedAt, setPrintedAt] = useState<string | undefined>(undefined);
  const [isSaving, setSaving] = useState(false);

  const completeness = progress?.completeness;
  const reminders = useMemo(() => (completeness ? reminderRows(completeness) : []), [completeness]);
  if (!progress || !completeness) return <Spin />;
  const { baseNames, expertNames } = progress;

  const save = async (kind: ReminderFileKind) => {
    if (reminders.length === 0) {
      message.info(t('results.progress.nothingToRemind'));
      return;
    }
    setSaving(true);
    const now = systemClock.now();
    try {
      await saveFile(
        reminderSaveRequest(kind, {
          rows: reminders,
          roundName: round.name,
          now,
          generatedAt: formatLocalTime(now),
        }),
        {
          saved: t('results.progress.exported'),
          failed: (reason) => t('results.progress.exportFailed', { message: reason }),
        },
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small" title={t('results.progress.overall')} data-testid="progress-overall">
        <CountsLine counts={completeness.counts} />
      </Card>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Segmented<View>
            value={view}
            onChange={setView}
            options={[
              { value: 'panels', label: t('results.progress.viewPanels') },
              { value: 'bases', label: t('results.progress.viewBases') },
            ]}
            data-testid="progress-view"
          />
          <Space>
            <Switch
              checked={onlyOutstanding}
              onChange={setOnlyOutstanding}
              data-testid="only-outstanding"
              aria-label={t('results.progress.onlyOutstanding')}
            />
            <Typography.Text>{t('results.progress.onlyOutstanding')}</Typography.Text>
          </Space>
        </Space>
        <Space wrap data-testid="reminder-export">
          <Typography.Text type="secondary">
            {t('results.progress.reminderCount', {
              experts: reminders.length,
              sheets: completeness.counts.outstanding,
            })}
          </Typography.Text>
          <Button
            icon={<DownloadOutlined />}
            loading={isSaving}
            onClick={() => void save('csv')}
            data-testid="reminder-export-csv"
          >
            {t('results.progress.exportCsv')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            loading={isSaving}
            onClick={() => void save('xlsx')}
            data-testid="reminder-export-xlsx"
          >
            {t('results.progress.exportXlsx')}
          </Button>
          <Button
            icon={<PrinterOutlined />}
            onClick={() => setPrintedAt(systemClock.now())}
            data-testid="reminder-print-open"
          >
            {t('results.progress.print')}
          </Button>
        </Space>
      </Space>
      {view === 'panels' ? (
        <PanelCards
          panels={completeness.panels}
          onlyOutstanding={onlyOutstanding}
          baseName={(id) => baseNames.get(id) ?? id}
        />
      ) : (
        <BaseProgressTable
          panels={completeness.panels}
          onlyOutstanding={onlyOutstanding}
          expertName={(id) => expertNames.get(id) ?? id}
        />
      )}
      <VoidedSheetsCard round={round} />
      {printedAt ? (
        <ReminderPrintView
          rows={reminders}
          roundName={round.name}
          generatedAt={formatLocalTime(printedAt)}
          pdfName={`${reminderFileName(round.name, printedAt)}.pdf`}
          onClose={() => setPrintedAt(undefined)}
        />
      ) : null}
    </Space>
  );
};
