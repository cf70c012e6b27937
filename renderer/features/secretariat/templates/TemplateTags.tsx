// Small tags describing a template: built-in or own copy, published or draft weights, its
// version, and a lock when it was issued in a round bundle (frozen).
import { LockOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { isBuiltinTemplate } from '../../../../shared/domain/templateEditing';
import type { IndicatorTemplate } from '../../../../shared/domain/types';

export const TemplateTags = ({ template }: { template: IndicatorTemplate }) => {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={isBuiltinTemplate(template) ? 'blue' : 'purple'}>
        {isBuiltinTemplate(template) ? t('setup.templates.builtin') : t('setup.templates.own')}
      </Tag>
      <Tag color={template.source === 'published' ? 'green' : 'gold'}>
        {t(`setup.templates.source.${template.source}`)}
      </Tag>
      <Tag>{t('setup.templates.version', { version: template.version })}</Tag>
      {template.frozenAt !== undefined ? (
        <Tooltip title={t('setup.templates.frozenNote')}>
          <Tag icon={<LockOutlined />} color="red" data-testid="template-lock">
            {t('setup.templates.frozen')}
          </Tag>
        </Tooltip>
      ) : null}
    </>
  );
};
