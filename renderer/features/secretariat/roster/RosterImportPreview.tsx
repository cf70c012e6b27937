// The import preview: what readRoster made of the file — how many rows can be imported, every
// problem by row and column, a choice of new type for legacy platforms that need one — and
// the commit. Nothing is saved while there are problems, unless the clerk explicitly asks to
// import only the rows without problems.
import { Alert, App, Button, Card, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readRoster } from '../../../../shared/roster';
import type { RosterProblem, RosterRow } from '../../../../shared/roster';
import type { Base, BaseTypeCode, Round } from '../../../../shared/domain/types';
import { useLabels } from '../../../app/hooks/useLabels';
import { db } from '../../../db/instance';
import { importRoster } from '../../../db/repositories/rosterRepository';
import { SETUP_ACTOR, setupDeps } from '../setupDeps';
import { useBaseTypeColumns } from './baseTypeColumns';
import type { PickedRoster } from './useRosterFile';

export const RosterImportPreview = ({
  round,
  picked,
  bases,
  onClose,
}: {
  round: Round;
  picked: PickedRoster;
  bases: readonly Base[];
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const typeColumns = useBaseTypeColumns<RosterRow>();
  const { message } = App.useApp();
  const [typeChoices, setTypeChoices] = useState<ReadonlyMap<number, BaseTypeCode>>(new Map());
  const [isSaving, setIsSaving] = useState(false);
  const result = useMemo(
    () => readRoster(picked.rows, { existing: bases, typeChoices, roundYear: round.year }),
    [picked.rows, bases, typeChoices, round.year],
  );
  const valid = result.rows.length;
  const invalid = new Set(result.problems.map((p) => p.row)).size;
  const hasProblems = result.problems.length > 0;
  const hasChoices = result.problems.some((p) => p.typeChoice !== undefined);

  const choose = (row: number, type: BaseTypeCode) =>
    setTypeChoices((current) => new Map(current).set(row, type));

  const commit = async () => {
    setIsSaving(true);
    try {
      const written = await importRoster(db, round.id, result.rows, SETUP_ACTOR, setupDeps, {
        fileName: picked.fileName,
      });
      if (written.ok) {
        message.success(t('roster.preview.done', { count: written.value.added.length }));
        onClose();
      } else message.error(written.error.message, 8);
    } finally {
      setIsSaving(false);
    }
  };

  const source = [
    picked.sheetName === undefined
      ? undefined
      : t('roster.preview.sheet', { sheet: picked.sheetName }),
    picked.encoding === undefined
      ? undefined
      : t('roster.preview.encoding', { encoding: t(`roster.encodings.${picked.encoding}`) }),
    result.headerRow === undefined
      ? undefined
      : t('roster.preview.headerRow', { row: result.headerRow }),
  ].filter((part) => part !== undefined);

  return (
    <Card
      title={t('roster.preview.title', { file: picked.fileName })}
      style={{ marginBottom: 16 }}
      data-testid="roster-preview"
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {source.length > 0 ? (
          <Typography.Text type="secondary">{source.join(' · ')}</Typography.Text>
        ) : null}
        <Alert
          type={hasProblems ? 'warning' : 'success'}
          showIcon
          title={t('roster.preview.summary', { total: valid + invalid, valid, invalid })}
          description={
            hasProblems
              ? t('roster.preview.problems', { count: result.problems.length })
              : t('roster.preview.ready')
          }
          data-testid="roster-preview-summary"
          data-valid={valid}
          data-problems={result.problems.length}
        />
        {result.keyFigureColumns.length > 0 ? (
          <Typography.Text>
            {t('roster.preview.keyFigures', { columns: result.keyFigureColumns.join('、') })}
          </Typography.Text>
        ) : null}
        {hasProblems ? (
          <>
            {hasChoices ? (
              <Typography.Text type="secondary">{t('roster.preview.choiceHint')}</Typography.Text>
            ) : null}
            <Table<RosterProblem>
              size="small"
              pagination={
                result.problems.length > 50 ? { pageSize: 50, showSizeChanger: false } : false
              }
              rowKey={(p) => `${p.row}-${p.column}-${p.message}`}
              dataSource={result.problems}
              data-testid="roster-problems-table"
              columns={[
                { title: t('roster.preview.row'), dataIndex: 'row', width: 70 },
                { title: t('roster.preview.column'), dataIndex: 'column', width: 140 },
                {
                  title: t('roster.preview.message'),
                  dataIndex: 'message',
                  render: (text: string, problem: RosterProblem) =>
                    problem.typeChoice === undefined ? (
                      text
                    ) : (
                      <Space orientation="vertical" size={4}>
                        <span>{text}</span>
                        <Select<BaseTypeCode>
                          placeholder={t('roster.preview.chooseType')}
                          style={{ width: 280 }}
                          onChange={(type) => choose(problem.row, type)}
                          options={problem.typeChoice.candidates.map((code) => ({
                            value: code,
                            label: `${code} ${labels.typeName(code)}`,
                          }))}
                          data-testid={`roster-type-choice-${problem.row}`}
                        />
                      </Space>
                    ),
                },
              ]}
            />
          </>
        ) : null}
        {valid > 0 ? (
          <>
            <Typography.Text strong>
              {t('roster.preview.validRows', { count: valid })}
            </Typography.Text>
            <Table<RosterRow>
              size="small"
              rowKey="row"
              dataSource={result.rows}
              pagination={{ pageSize: 10, showSizeChanger: false }}
              data-testid="roster-valid-table"
              columns={[
                { title: t('roster.preview.row'), dataIndex: 'row', width: 60 },
                { title: t('secretariat.name'), dataIndex: 'name' },
                ...typeColumns,
                { title: t('secretariat.host'), dataIndex: 'hostInstitution' },
                { title: t('secretariat.city'), dataIndex: 'city', width: 80 },
                { title: t('secretariat.year'), dataIndex: 'yearEstablished', width: 90 },
                {
                  title: t('roster.preview.code'),
                  dataIndex: 'code',
                  render: (code: string | undefined) =>
                    code ?? (
                      <Typography.Text type="secondary">
                        {t('roster.preview.codeGenerated')}
                      </Typography.Text>
                    ),
                },
              ]}
            />
          </>
        ) : null}
        <Space wrap>
          <Button
            type="primary"
            disabled={hasProblems || valid === 0}
            loading={isSaving}
            onClick={() => void commit()}
            data-testid="roster-import-confirm"
          >
            {t('roster.preview.confirm', { count: valid })}
          </Button>
          {hasProblems && valid > 0 ? (
            <Popconfirm
              title={t('roster.preview.confirmValidOnlyText', { invalid, count: valid })}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() => commit()}
            >
              <Button loading={isSaving} data-testid="roster-import-valid-only">
                {t('roster.preview.confirmValidOnly', { count: valid })}
              </Button>
            </Popconfirm>
          ) : null}
          <Button onClick={onClose} disabled={isSaving} data-testid="roster-import-cancel">
            {t('roster.preview.cancel')}
          </Button>
        </Space>
      </Space>
    </Card>
  );
};
