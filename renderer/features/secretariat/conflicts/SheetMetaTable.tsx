// The two copies' status, recusal, recommendation, overall comment and bookkeeping (revision,
// device, last change) next to each other, differences marked.
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConflictRecord, Scoresheet } from '../../../../shared/domain/types';
import { SHEET_FIELDS } from '../../../../shared/secretariat/conflictView';
import type { SheetField } from '../../../../shared/secretariat/conflictView';
import { formatLocalTime } from '../../scoring/AuditTrail';
import { useDispositionText } from '../results/useDispositionText';
import { diffCell } from './diffStyle';

type Row = { field: SheetField; local: string; incoming: string; isDifferent: boolean };

export const SheetMetaTable = ({
  record,
  differentFields,
  baseName,
}: {
  record: ConflictRecord;
  differentFields: ReadonlySet<SheetField>;
  baseName: (id: string) => string | undefined;
}) => {
  const { t } = useTranslation();
  const disposition = useDispositionText();
  const value = (sheet: Scoresheet, field: SheetField): string => {
    switch (field) {
      case 'status':
        return t(`results.states.${sheet.status}`);
      case 'recusal':
        return sheet.recusal ? sheet.recusal.reason : t('common.none');
      case 'recommendation':
        return sheet.recommendation
          ? [
              disposition.text(sheet.recommendation.disposition, baseName),
              sheet.recommendation.reason,
            ]
              .filter((part) => part !== '')
              .join('：')
          : t('common.none');
      case 'overallComment':
        return sheet.overallComment || t('common.none');
      case 'revision':
        return String(sheet.revision);
      case 'deviceId':
        return sheet.deviceId;
      case 'updatedAt':
        return formatLocalTime(sheet.updatedAt);
    }
  };
  const rows: Row[] = SHEET_FIELDS.map((field) => ({
    field,
    local: value(record.local, field),
    incoming: value(record.incoming, field),
    isDifferent: differentFields.has(field),
  }));
  return (
    <Table<Row>
      size="small"
      bordered
      pagination={false}
      rowKey="field"
      dataSource={rows}
      data-testid="conflict-meta"
      columns={[
        {
          title: '',
          key: 'field',
          width: 110,
          render: (_, row) => t(`results.conflicts.fields.${row.field}`),
        },
        {
          title: t('results.conflicts.local'),
          key: 'local',
          onCell: (row) => diffCell(row.isDifferent),
          render: (_, row) => row.local,
        },
        {
          title: t('results.conflicts.incoming'),
          key: 'incoming',
          onCell: (row) => diffCell(row.isDifferent),
          render: (_, row) => row.incoming,
        },
      ]}
    />
  );
};
