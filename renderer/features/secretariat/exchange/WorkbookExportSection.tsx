// Excel 评分表 for experts who cannot install 评估通: one workbook per expert (save dialog), or
// every workbook of a panel written into one folder in one action. The filled workbooks come
// back through the batch import below, like score bundles.
import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Expert, Round } from '../../../../shared/domain/types';
import { db } from '../../../db/instance';
import { exportExpertWorkbook, exportPanelWorkbooks } from './runWorkbookExport';
import type { WorkbookExportOutcome } from './runWorkbookExport';
import {
  basesToScoreByExpert,
  chineseCollator,
  readWorkbookExportRecords,
} from './workbookExportData';

type Row = { expert: Expert; panelName: string; bases: number };

const OutcomeView = ({ outcome }: { outcome: WorkbookExportOutcome | null }) => {
  const { t } = useTranslation();
  if (outcome === null || outcome.kind === 'cancelled') return null;
  if (outcome.kind === 'failed') {
    return (
      <Alert type="error" showIcon title={outcome.message} data-testid="workbook-export-error" />
    );
  }
  const skipped = outcome.skipped.map((s) => `${s.expert.name}（${s.message}）`).join('；');
  return (
    <Alert
      type="success"
      showIcon
      data-testid="workbook-export-saved"
      title={
        outcome.folder === undefined
          ? t('workbook.export.saved', { count: outcome.names.length })
          : t('workbook.export.savedIn', { count: outcome.names.length, folder: outcome.folder })
      }
      description={
        <>
          <div data-testid="workbook-export-names">{outcome.names.join('、')}</div>
          {skipped === '' ? null : <div>{t('workbook.export.skipped', { experts: skipped })}</div>}
        </>
      }
    />
  );
};

export const WorkbookExportSection = ({ round }: { round: Round }) => {
  const { t } = useTranslation();
  const data = useLiveQuery(() => readWorkbookExportRecords(db, round.id), [round.id]);
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<WorkbookExportOutcome | null>(null);
  const isFrozen = round.archive !== undefined || round.status === 'closed';

  const run = async (key: string, action: () => Promise<WorkbookExportOutcome>) => {
    setBusy(key);
    setOutcome(null);
    try {
      setOutcome(await action());
    } catch {
      setOutcome({ kind: 'failed', message: t('workbook.export.internal') });
    } finally {
      setBusy(null);
    }
  };

  const rows = useMemo((): Row[] => {
    if (!data) return [];
    const panelNames = new Map(data.panels.map((p) => [p.id, p.name]));
    const bases = basesToScoreByExpert(data);
    const list = data.experts.map((expert) => ({
      expert,
      panelName: panelNames.get(expert.panelId) ?? expert.panelId,
      bases: bases.get(expert.id) ?? 0,
    }));
    // By panel, then by name (the experts come sorted by name).
    return list.sort((a, b) => chineseCollator.compare(a.panelName, b.panelName));
  }, [data]);

  return (
    <Card title={t('workbook.export.title')} data-testid="workbook-export-section">
      <Typography.Paragraph type="secondary">{t('workbook.export.intro')}</Typography.Paragraph>
      {round.status === 'setup' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('workbook.export.setupWarning')}
        />
      ) : null}
      <Space wrap style={{ marginBottom: 12 }}>
        {(data?.panels ?? []).map((panel) => (
          <Button
            key={panel.id}
            icon={<FileExcelOutlined />}
            loading={busy === `panel:${panel.id}`}
            disabled={isFrozen || (busy !== null && busy !== `panel:${panel.id}`)}
            onClick={() =>
              void run(`panel:${panel.id}`, () => exportPanelWorkbooks(db, round.id, panel.id))
            }
            data-testid="workbook-export-panel"
            data-panel-id={panel.id}
          >
            {t('workbook.export.panel', { panel: panel.name })}
          </Button>
        ))}
      </Space>
      <OutcomeView outcome={outcome} />
      <Table<Row>
        size="small"
        rowKey={(row) => row.expert.id}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        style={{ marginTop: 12 }}
        columns={[
          { title: t('workbook.export.columns.panel'), dataIndex: 'panelName' },
          { title: t('workbook.export.columns.expert'), render: (_, row) => row.expert.name },
          { title: t('workbook.export.columns.bases'), dataIndex: 'bases', width: 100 },
          {
            title: t('workbook.export.columns.action'),
            width: 120,
            render: (_, row) => (
              <Button
                size="small"
                loading={busy === `expert:${row.expert.id}`}
                disabled={
                  isFrozen ||
                  row.bases === 0 ||
                  (busy !== null && busy !== `expert:${row.expert.id}`)
                }
                onClick={() =>
                  void run(`expert:${row.expert.id}`, () =>
                    exportExpertWorkbook(db, round.id, row.expert.id),
                  )
                }
                data-testid="workbook-export-expert"
                data-expert-id={row.expert.id}
              >
                {t('workbook.export.expert')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
};
