// The base's information card: the fields the round carries for it.
import { memo } from 'react';
import { Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Base, Expert } from '../../../shared/domain/types';
import { useLabels } from '../../app/hooks/useLabels';

const BaseInfoCardView = ({ base, expert }: { base: Base; expert: Expert }) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const figures = Object.entries(base.keyFigures ?? {});
  return (
    <Card size="small" title={t('scoring.sheet.baseInfo')} style={{ marginBottom: 12 }}>
      <Descriptions size="small" column={3} data-testid="base-info">
        <Descriptions.Item label={t('secretariat.name')} span={2}>
          {base.name}
        </Descriptions.Item>
        <Descriptions.Item label={t('scoring.sheet.code')}>{base.code}</Descriptions.Item>
        <Descriptions.Item label={t('secretariat.type')}>
          {`${base.type} ${labels.typeName(base.type)}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('secretariat.legacyType')}>
          {labels.legacyTypeName(base.legacyType) || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('secretariat.host')}>{base.hostInstitution}</Descriptions.Item>
        <Descriptions.Item label={t('secretariat.city')}>{base.city}</Descriptions.Item>
        <Descriptions.Item label={t('secretariat.director')}>{base.director}</Descriptions.Item>
        <Descriptions.Item label={t('secretariat.year')}>{base.yearEstablished}</Descriptions.Item>
        <Descriptions.Item label={t('secretariat.field')}>{base.field}</Descriptions.Item>
        <Descriptions.Item label={t('scoring.sheet.expert')} span={2}>
          {`${expert.name} · ${expert.institution}`}
        </Descriptions.Item>
        {figures.map(([label, value]) => (
          <Descriptions.Item key={label} label={label}>
            {String(value)}
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Card>
  );
};

/** Memoised: the sheet re-renders on every save state change, this part need not. */
export const BaseInfoCard = memo(BaseInfoCardView);
