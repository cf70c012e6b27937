// A card around one chart with its PNG and SVG export buttons. The chart is rendered by
// `children(width)` at the card's inner width, measured (also in the print view, whose
// pages have a fixed A4 width).
import { App, Button, Card, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { exportChart } from './chartExport';
import { useContainerWidth } from './useContainerWidth';

export type ChartCardProps = {
  /** Shown on the card and written into the exported image. */
  title: string;
  /** A longer title for the exported image (e.g. with the base's name). */
  exportTitle?: string;
  testId: string;
  extra?: ReactNode;
  /** Text under the chart (definitions, notes). */
  footer?: ReactNode;
  children: (width: number) => ReactNode;
};

export const ChartCard = ({
  title,
  exportTitle,
  testId,
  extra,
  footer,
  children,
}: ChartCardProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [bodyRef, measured] = useContainerWidth<HTMLDivElement>();
  const chartRef = useRef<HTMLDivElement | null>(null);
  const [busy, setBusy] = useState<'png' | 'svg' | null>(null);

  const runExport = async (format: 'png' | 'svg') => {
    if (!chartRef.current) return;
    setBusy(format);
    try {
      await exportChart(chartRef.current, exportTitle ?? title, format);
    } catch (error) {
      message.error(
        t('dashboard.export.failed', {
          message: error instanceof Error ? error.message : String(error),
        }),
      );
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card
      title={title}
      className="dashboard-chart-card"
      style={{ marginBottom: 16 }}
      extra={
        <Space className="no-print">
          {extra}
          <Button
            size="small"
            icon={<DownloadOutlined />}
            loading={busy === 'png'}
            onClick={() => void runExport('png')}
            data-testid={`${testId}-export-png`}
          >
            PNG
          </Button>
          <Button
            size="small"
            icon={<DownloadOutlined />}
            loading={busy === 'svg'}
            onClick={() => void runExport('svg')}
            data-testid={`${testId}-export-svg`}
          >
            SVG
          </Button>
        </Space>
      }
    >
      <div ref={bodyRef} style={{ width: '100%', overflowX: 'auto' }}>
        <div ref={chartRef} data-testid={testId}>
          {children(measured)}
        </div>
      </div>
      {footer ? <div className="dashboard-chart-footer">{footer}</div> : null}
    </Card>
  );
};
