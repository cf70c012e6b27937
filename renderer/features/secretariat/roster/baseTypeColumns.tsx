// The type columns of the base tables: the new type as code and name (the roster tables, the
// assignment's placement table), and the legacy type a base was listed under, if any (the
// roster tables: the round's bases and the import preview).
import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { BaseTypeCode, LegacyTypeCode } from '../../../../shared/domain/types';
import { useLabels } from '../../../app/hooks/useLabels';

/** The base type as a tag: code and name. */
export function useBaseTypeColumn<T extends { type: BaseTypeCode }>(): ColumnsType<T>[number] {
  const { t } = useTranslation();
  const labels = useLabels();
  return {
    title: t('secretariat.type'),
    dataIndex: 'type',
    render: (code: BaseTypeCode) => <Tag>{`${code} ${labels.typeName(code)}`}</Tag>,
  };
}

/** The base type and, next to it, the legacy type. */
export function useBaseTypeColumns<
  T extends { type: BaseTypeCode; legacyType?: LegacyTypeCode },
>(): ColumnsType<T> {
  const { t } = useTranslation();
  const labels = useLabels();
  return [
    useBaseTypeColumn<T>(),
    {
      title: t('secretariat.legacyType'),
      dataIndex: 'legacyType',
      render: (_: unknown, row: T) => labels.legacyTypeName(row.legacyType),
    },
  ];
}
