// The type columns of both roster tables (the round's bases and the import preview): the
// new type as code and name, and the legacy type a base was listed under, if any.
import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { BaseTypeCode, LegacyTypeCode } from '../../../../shared/domain/types';
import { useLabels } from '../../../app/hooks/useLabels';

export function useBaseTypeColumns<
  T extends { type: BaseTypeCode; legacyType?: LegacyTypeCode },
>(): ColumnsType<T> {
  const { t } = useTranslation();
  const labels = useLabels();
  return [
    {
      title: t('secretariat.type'),
      dataIndex: 'type',
      render: (code: BaseTypeCode) => <Tag>{`${code} ${labels.typeName(code)}`}</Tag>,
    },
    {
      title: t('secretariat.legacyType'),
      dataIndex: 'legacyType',
      render: (_: unknown, row: T) => labels.legacyTypeName(row.legacyType),
    },
  ];
}
