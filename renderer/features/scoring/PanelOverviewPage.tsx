// Route /scoring/panel: the chair's view on the panel laptop. Experts × bases, each cell the
// state (colour) and total of one expected sheet, and how many are still missing.
import { Alert, App, Button, Card, Empty, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import {
  ArrowLeftOutlined,
  ExportOutlined,
  ImportOutlined,
  PrinterOutlined,
} from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentRound, useExperts } from '../../db/hooks';
import { ROUTES, scoringPrintPanelPath } from '../../app/routes';
import { useLabels } from '../../app/hooks/useLabels';
import { ExportScoresDialog } from './bundles/ExportScoresDialog';
import { ContinueHereButton } from './continue/ContinueHereButton';
import { MatrixCellView } from './MatrixCellView';
import { expertsWithNothingHere } from './panelMatrix';
import type { MatrixRow, PanelMatrix } from './panelMatrix';
import { requestOpenBundles } from '../../app/bundleOpenRequests';
import { getDesktopApi } from '../../platform/desktopApi';
import { SHEET_STATES, STATE_CELL_COLORS } from './stateStyle';
import { useCurrentExpert } from './useScoringData';
import { usePanelMatrix } from './usePanelMatrix';
import { WorkbookImportButton } from './workbook/WorkbookImportButton';

const MatrixTable = ({ matrix }: { matrix: PanelMatrix }) => {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Table<MatrixRow>
      size="small"
      bordered
      rowKey={(row) => row.base.id}
      dataSource={matrix.rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="panel-matrix"
      columns={[
        {
          title: t('scoring.base'),
          key: 'base',
          fixed: 'left',
          width: 280,
          render: (_, row) => (
            <div>
              <Typography.Text strong>{row.base.name}</Typography.Text>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {`${row.base.type} ${labels.typeName(row.base.type)} · ${row.base.hostInstitution}`}
              </Typography.Text>
            </div>
          ),
        },
        ...matrix.experts.map((expert) => ({
          title: (
            <span>
              {expert.name}
              {expert.id === matrix.panel.chairExpertId ? (
                <Tag color="blue" style={{ marginInlineStart: 4 }}>
                  {t('scoring.chairTag')}
                </Tag>
              ) : null}
            </span>
          ),
          key: expert.id,
          width: 110,
          render: (_: unknown, row: MatrixRow) => <MatrixCellView cell={row.cells[expert.id]} />,
        })),
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <Typography.Text strong>{t('scoring.panel.missingRow')}</Typography.Text>
          </Table.Summary.Cell>
          {matrix.experts.map((expert, i) => {
            const missing = matrix.byExpert[expert.id]?.missing ?? 0;
            return (
              <Table.Summary.Cell key={expert.id} index={i + 1} align="center">
                <Typography.Text type={missing > 0 ? 'danger' : 'success'} strong>
                  {missing}
                </Typography.Text>
              </Table.Summary.Cell>
            );
          })}
        </Table.Summary.Row>
      )}
    />
  );
};

export const PanelOverviewPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const round = useCurrentRound();
  const experts = useExperts(round?.id);
  const current = useCurrentExpert(experts);
  const [chosen, setChosen] = useState<string | undefined>();
  const [isExporting, setExporting] = useState(false);
  const ownPanel =
    current.kind === 'ready' || current.kind === 'locked' ? current.expert.panelId : undefined;
  const data = usePanelMatrix(chosen ?? ownPanel);

  if (data.kind === 'noRound') return <Empty description={t('home.noRoundTitle')} />;
  if (data.kind !== 'ready') return <Spin />;
  const { matrix, panels } = data;
  const counts = matrix?.total;

  return (
    <div>
      <Typography.Title level={3}>{t('scoring.panel.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('scoring.panel.intro')}</Typography.Paragraph>
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(ROUTES.scoring)}>
            {t('scoring.panel.back')}
          </Button>
          <Select<string>
            style={{ width: 220 }}
            aria-label={t('scoring.panel.choosePanel')}
            value={matrix?.panel.id}
            onChange={setChosen}
            options={panels.map((p) => ({ value: p.id, label: p.name }))}
            data-testid="panel-select"
          />
          {matrix ? (
            <Button
              type="primary"
              icon={<ExportOutlined />}
              onClick={() => setExporting(true)}
              data-testid="export-scores"
            >
              {t('scoring.export.button')}
            </Button>
          ) : null}
          {matrix ? (
            <Button
              icon={<PrinterOutlined />}
              onClick={() => void navigate(scoringPrintPanelPath(matrix.panel.id))}
              data-testid="print-panel"
            >
              {t('scoring.panel.printSummary')}
            </Button>
          ) : null}
          <ContinueHereButton
            roundId={data.round.id}
            actor={current.kind === 'ready' ? current.expert.name : ''}
          />
          <WorkbookImportButton
            roundId={data.round.id}
            actor={current.kind === 'ready' ? current.expert.name : ''}
          />
        </Space>
        {counts ? (
          <Space wrap style={{ marginBottom: 12 }} data-testid="panel-summary">
            <Typography.Text>{t('scoring.panel.summary', counts)}</Typography.Text>
            {counts.missing > 0 ? (
              <Tag color="red">{t('scoring.panel.missing', { count: counts.missing })}</Tag>
            ) : (
              <Tag color="green">{t('scoring.panel.allDone')}</Tag>
            )}
            {counts.voided > 0 ? (
              <Tag data-testid="panel-voided">
                {t('voided.panelCount', { count: counts.voided })}
              </Tag>
            ) : null}
            {SHEET_STATES.map((state) => (
              <Tag key={state} color={STATE_CELL_COLORS[state]} style={{ color: '#000' }}>
                {t(`scoring.states.${state}`)}
              </Tag>
            ))}
          </Space>
        ) : null}
        {matrix ? <OthersElsewhere matrix={matrix} /> : null}
        {matrix ? <MatrixTable matrix={matrix} /> : <Empty />}
      </Card>
      {isExporting && matrix ? (
        <ExportScoresDialog
          round={data.round}
          panel={matrix.panel}
          counts={matrix.total}
          onClose={() => setExporting(false)}
        />
      ) : null}
    </div>
  );
};

/**
 * Experts of the panel with nothing on this laptop probably score on another one: says so, and
 * opens their score bundles in the import dialog (preview, then one transaction).
 */
const OthersElsewhere = ({ matrix }: { matrix: PanelMatrix }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const elsewhere = expertsWithNothingHere(matrix);
  if (elsewhere.length === 0) return null;
  const pick = async () => {
    const picked = await getDesktopApi().file.openBundles({ multi: true, folders: false });
    if (!picked.ok) message.error(picked.error.message);
    else if (!picked.value.cancelled) requestOpenBundles(picked.value.files);
  };
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="others-elsewhere"
      title={t('scoring.panel.othersElsewhere', {
        names: elsewhere.map((e) => e.name).join('、'),
      })}
      action={
        <Button icon={<ImportOutlined />} onClick={() => void pick()} data-testid="import-scores">
          {t('scoring.panel.importScores')}
        </Button>
      }
    />
  );
};
