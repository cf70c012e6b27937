// The sticky bar above a scoresheet: base, state, live total, save state and the actions.
import { Button, Card, Space, Tag, Typography } from 'antd';
import {
  ArrowLeftOutlined,
  CheckOutlined,
  PrinterOutlined,
  StopOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SheetState } from '../../db/queries';
import type { Base, IndicatorTemplate } from '../../../shared/domain/types';
import { SaveStateView } from './SaveStateView';
import { useFormSlice } from './sheetContext';
import { formatPoints, formTotals } from './sheetTotals';
import type { SaveStatus } from './sheetSaver';
import { STATE_TAG_COLORS } from './stateStyle';

const ROW = { display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' } as const;

const LiveTotal = ({ template }: { template: IndicatorTemplate }) => {
  const { t } = useTranslation();
  const total = useFormSlice((s) => formTotals(template, s.accepted).total);
  const scored = useFormSlice((s) => formTotals(template, s.accepted).scored);
  const indicators = formTotals(template, {}).indicators;
  return (
    <Space size="large">
      <Typography.Text>
        {t('scoring.sheet.total')}{' '}
        <Typography.Text strong style={{ fontSize: 20 }} data-testid="sheet-total">
          {formatPoints(total)}
        </Typography.Text>{' '}
        / 100
      </Typography.Text>
      <Typography.Text type="secondary" data-testid="sheet-scored">
        {t('scoring.sheet.scored', { scored, total: indicators })}
      </Typography.Text>
    </Space>
  );
};

export type SheetActions = {
  back: () => void;
  print: () => void;
  submit: () => void;
  recuse: () => void;
  reopen: () => void;
  retry: () => void;
};

export const SheetHeader = ({
  base,
  template,
  state,
  isVoided = false,
  status,
  actions,
  banner,
}: {
  base: Base;
  template: IndicatorTemplate;
  state: SheetState;
  /** Voided (作废): shown as such, and no action but back and print. */
  isVoided?: boolean;
  status: SaveStatus;
  actions: SheetActions;
  banner: ReactNode;
}) => {
  const { t } = useTranslation();
  const isEditable = !isVoided && (state === 'notStarted' || state === 'draft');
  return (
    <div style={{ position: 'sticky', top: 0, zIndex: 10, marginBottom: 12 }}>
      <Card size="small" styles={{ body: { padding: '8px 16px' } }}>
        <div style={ROW}>
          <Button icon={<ArrowLeftOutlined />} onClick={actions.back} data-testid="sheet-back">
            {t('scoring.sheet.back')}
          </Button>
          <Typography.Text strong style={{ fontSize: 16 }} data-testid="sheet-base-name">
            {base.name}
          </Typography.Text>
          {isVoided ? (
            <Tag data-testid="sheet-state" data-voided="true">
              {t('voided.tag')}
            </Tag>
          ) : (
            <Tag color={STATE_TAG_COLORS[state]} data-testid="sheet-state">
              {t(`scoring.states.${state}`)}
            </Tag>
          )}
          <span style={{ flex: 1 }} />
          <SaveStateView status={status} onRetry={actions.retry} />
        </div>
        <div style={{ ...ROW, marginTop: 8 }}>
          <LiveTotal template={template} />
          <span style={{ flex: 1 }} />
          <Button icon={<PrinterOutlined />} onClick={actions.print} data-testid="sheet-print">
            {t('scoring.sheet.print')}
          </Button>
          {state === 'submitted' && !isVoided ? (
            <Button icon={<UndoOutlined />} onClick={actions.reopen} data-testid="sheet-reopen">
              {t('scoring.sheet.reopen')}
            </Button>
          ) : null}
          {isEditable ? (
            <>
              <Button
                danger
                icon={<StopOutlined />}
                onClick={actions.recuse}
                data-testid="sheet-recuse"
              >
                {t('scoring.sheet.recuse')}
              </Button>
              <Button
                type="primary"
                icon={<CheckOutlined />}
                onClick={actions.submit}
                data-testid="sheet-submit"
              >
                {t('scoring.sheet.submit')}
              </Button>
            </>
          ) : null}
        </div>
      </Card>
      {banner}
    </div>
  );
};
