// The wizard's last step: which indicator system (评估指标体系) each base type is scored with,
// among the built-ins and the templates stored for earlier rounds.
import { Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoundSetupInput, RoundSetupProblem } from '../../../../shared/domain/roundSetup';
import { templatesOfType } from '../../../../shared/domain/roundSetup';
import { BASE_TYPE_CODES } from '../../../../shared/domain/taxonomy';
import type { BaseTypeCode, IndicatorTemplate } from '../../../../shared/domain/types';
import { useLabels } from '../../../app/hooks/useLabels';
import { TemplateTags } from '../templates/TemplateTags';

export const TemplateChoiceFields = ({
  value,
  onChange,
  problems,
  templates,
  testIdPrefix,
}: {
  value: RoundSetupInput;
  onChange: (patch: Partial<RoundSetupInput>) => void;
  problems: readonly RoundSetupProblem[];
  /** Built-ins and stored templates. */
  templates: readonly IndicatorTemplate[];
  testIdPrefix: string;
}) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const byId = new Map(templates.map((template) => [template.id, template]));
  return (
    <Table<BaseTypeCode>
      size="small"
      pagination={false}
      rowKey={(type) => type}
      dataSource={[...BASE_TYPE_CODES]}
      columns={[
        {
          title: t('setup.templates.baseType'),
          key: 'type',
          width: 240,
          render: (_, type) => `${type} ${labels.typeName(type)}`,
        },
        {
          title: t('setup.templates.template'),
          key: 'template',
          render: (_, type) => {
            const chosen = byId.get(value.templateByType[type]);
            const problem = problems.find((p) => p.field === `templateByType.${type}`);
            return (
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap>
                  <Select<string>
                    value={value.templateByType[type]}
                    style={{ width: 420 }}
                    status={problem ? 'error' : undefined}
                    onChange={(id) =>
                      onChange({ templateByType: { ...value.templateByType, [type]: id } })
                    }
                    options={templatesOfType(type, templates).map((template) => ({
                      value: template.id,
                      label: `${template.name}${template.version > 1 ? `（${t('setup.templates.version', { version: template.version })}）` : ''}`,
                    }))}
                    data-testid={`${testIdPrefix}-template-${type}`}
                  />
                  {chosen ? <TemplateTags template={chosen} /> : null}
                </Space>
                {problem ? (
                  <Typography.Text type="danger">{problem.message}</Typography.Text>
                ) : null}
              </Space>
            );
          },
        },
      ]}
    />
  );
};
