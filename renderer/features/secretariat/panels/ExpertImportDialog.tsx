// Importing experts from an Excel or CSV sheet: pick the file, read it in a Web Worker
// within a size and time budget (readTableFileOffThread), check
// every row (readExpertRoster) and preview the experts and the problems by row and column
// before anything is saved; the checked experts are then added in one transaction.
import { App, Alert, Modal, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readExpertRoster } from '../../../../shared/roster/experts';
import type { ExpertRosterRow } from '../../../../shared/roster/experts';
import type { RosterProblem } from '../../../../shared/roster/roster';
import type { Expert, Panel, Round } from '../../../../shared/domain/types';
import { db } from '../../../db/instance';
import { importExperts } from '../../../db/repositories/panelRepository';
import { readTableFileOffThread } from '../../../platform/spreadsheetClient';
import { usePickTableFile } from '../desktopFiles';
import { SETUP_ACTOR, setupDeps } from '../setupDeps';
import { DialogFooter, useSaveThenClose } from './dialogParts';
import { useWriteFeedback } from './useWriteFeedback';

export type PickedTable = { fileName: string; rows: string[][] };

/** Asks for an .xlsx or .csv file and reads its first table; null when cancelled or unreadable. */
export function usePickExpertTable(): () => Promise<PickedTable | null> {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const pickFile = usePickTableFile();
  return async () => {
    const file = await pickFile();
    if (!file) return null;
    const key = 'expert-table-reading';
    message.open({
      key,
      type: 'loading',
      content: t('spreadsheet.reading', { file: file.name }),
      duration: 0,
    });
    const table = await readTableFileOffThread(file.name, file.bytes);
    message.destroy(key);
    if (!table.ok) {
      message.error(table.message);
      return null;
    }
    return { fileName: file.name, rows: table.rows };
  };
}

export const ExpertImportDialog = ({
  round,
  table,
  panels,
  experts,
  onClose,
}: {
  round: Round;
  table: PickedTable;
  panels: readonly Panel[];
  experts: readonly Expert[];
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const { reportWrite } = useWriteFeedback(panels);
  const [defaultPanelId, setDefaultPanelId] = useState<string | undefined>(
    panels.length === 1 ? panels[0]?.id : undefined,
  );
  const { isSaving, saveThenClose } = useSaveThenClose(onClose);
  const result = useMemo(
    () =>
      readExpertRoster(table.rows, {
        panels,
        ...(defaultPanelId === undefined ? {} : { defaultPanelId }),
        existingExperts: experts,
      }),
    [table.rows, panels, defaultPanelId, experts],
  );
  const panelName = new Map(panels.map((p) => [p.id, p.name]));
  const count = result.experts.length;

  const commit = () =>
    saveThenClose(async () => {
      const written = await importExperts(
        db,
        { roundId: round.id, experts: result.experts, fileName: table.fileName },
        SETUP_ACTOR,
        setupDeps,
      );
      return reportWrite(written, t('setup.import.done', { count }));
    });

  return (
    <Modal
      open
      width={960}
      title={t('setup.import.title', { file: table.fileName })}
      onCancel={onClose}
      footer={
        <DialogFooter
          label={
            result.problems.length > 0
              ? t('setup.import.confirmSkipping', { count, problems: result.problems.length })
              : t('setup.import.confirm', { count })
          }
          onConfirm={() => void commit()}
          onCancel={onClose}
          isBusy={isSaving}
          isDisabled={count === 0}
          testId="expert-import-confirm"
        />
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text>{t('setup.import.defaultPanel')}</Typography.Text>
          <Select<string>
            allowClear
            value={defaultPanelId}
            style={{ width: 240 }}
            placeholder={t('setup.import.defaultPanelPlaceholder')}
            onChange={(id) => setDefaultPanelId(id)}
            options={panels.map((p) => ({ value: p.id, label: p.name }))}
            data-testid="expert-import-default-panel"
          />
          <Typography.Text type="secondary">{t('setup.import.defaultPanelHint')}</Typography.Text>
        </Space>
        {result.problems.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            title={t('setup.import.problems', { count: result.problems.length })}
            description={
              <Table<RosterProblem>
                size="small"
                pagination={false}
                scroll={{ y: 200 }}
                rowKey={(p) => `${p.row}-${p.column}-${p.message}`}
                dataSource={result.problems}
                data-testid="expert-import-problems"
                columns={[
                  { title: t('setup.import.row'), dataIndex: 'row', width: 70 },
                  { title: t('setup.import.column'), dataIndex: 'column', width: 110 },
                  { title: t('setup.import.message'), dataIndex: 'message' },
                ]}
              />
            }
          />
        ) : null}
        <Table<ExpertRosterRow>
          size="small"
          pagination={{ pageSize: 8, showSizeChanger: false }}
          rowKey="row"
          dataSource={result.experts}
          data-testid="expert-import-preview"
          columns={[
            { title: t('setup.import.row'), dataIndex: 'row', width: 60 },
            { title: t('setup.experts.name'), dataIndex: 'name' },
            { title: t('setup.experts.institution'), dataIndex: 'institution' },
            { title: t('setup.experts.title'), dataIndex: 'title' },
            { title: t('setup.experts.field'), dataIndex: 'field' },
            { title: t('setup.experts.phone'), dataIndex: 'phone' },
            {
              title: t('setup.experts.panel'),
              dataIndex: 'panelId',
              render: (id: string) => panelName.get(id) ?? '',
            },
          ]}
        />
      </Space>
    </Modal>
  );
};
