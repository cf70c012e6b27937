// 指标体系: the indicator system each base type of the round is scored with. The clerk picks
// a built-in (or a template of an earlier round), or copies one and edits it. Editing is
// refused in archived and closed rounds; a frozen (issued) template shows a lock.
import { App, Alert, Button, Select, Space, Spin, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { templatesOfType } from '../../../../shared/domain/roundSetup';
import { BASE_TYPE_CODES } from '../../../../shared/domain/taxonomy';
import {
  copyTemplate,
  isBuiltinTemplate,
  templateSums,
} from '../../../../shared/domain/templateEditing';
import { BUILTIN_TEMPLATES } from '../../../../shared/domain/templates';
import type { BaseTypeCode, IndicatorTemplate, Round } from '../../../../shared/domain/types';
import { useLabels } from '../../../app/hooks/useLabels';
import { db } from '../../../db/instance';
import { assignTemplate } from '../../../db/repositories/templateRepository';
import { useStoredTemplates } from '../../../db/setupHooks';
import { SETUP_ACTOR, setupDeps } from '../setupDeps';
import { TemplateEditor } from './TemplateEditor';
import { TemplateTags } from './TemplateTags';

type Editing = { baseType: BaseTypeCode; draft: IndicatorTemplate };

/** Why the round's templates cannot be changed; undefined when they can. */
function lockedReason(round: Round): 'archived' | 'closed' | undefined {
  if (round.archive) return 'archived';
  return round.status === 'closed' ? 'closed' : undefined;
}

export const TemplatesTab = ({ round }: { round: Round }) => {
  const stored = useStoredTemplates();
  const [editing, setEditing] = useState<Editing | null>(null);
  // Stored records win over the constants: a built-in stored frozen shows its lock.
  const byId = useMemo(
    () => new Map([...BUILTIN_TEMPLATES, ...(stored ?? [])].map((t) => [t.id, t])),
    [stored],
  );
  if (!stored) return <Spin />;
  if (editing) {
    return (
      <TemplateEditor
        key={editing.draft.id}
        round={round}
        baseType={editing.baseType}
        initial={editing.draft}
        stored={stored.find((t) => t.id === editing.draft.id)}
        onDone={() => setEditing(null)}
      />
    );
  }
  return <TemplatesOverview round={round} byId={byId} onEdit={setEditing} />;
};

const TemplatesOverview = ({
  round,
  byId,
  onEdit,
}: {
  round: Round;
  byId: ReadonlyMap<string, IndicatorTemplate>;
  onEdit: (editing: Editing) => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useLabels();
  const locked = lockedReason(round);
  const all = [...byId.values()];

  const choose = async (baseType: BaseTypeCode, templateId: string) => {
    const result = await assignTemplate(
      db,
      { roundId: round.id, baseType, templateId },
      SETUP_ACTOR,
      setupDeps,
    );
    if (result.ok) message.success(t('setup.templates.assigned'));
    else message.error(result.error.message);
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('setup.templates.intro')}
      </Typography.Paragraph>
      {locked ? (
        <Alert type="info" showIcon title={t(`setup.templates.locked.${locked}`)} />
      ) : round.status === 'issued' ? (
        <Alert type="warning" showIcon title={t('setup.templates.issuedNote')} />
      ) : null}
      <Table<BaseTypeCode>
        size="small"
        rowKey={(type) => type}
        pagination={false}
        dataSource={[...BASE_TYPE_CODES]}
        data-testid="templates-table"
        columns={[
          {
            title: t('setup.templates.baseType'),
            key: 'type',
            width: 220,
            render: (_, type) => `${type} ${labels.typeName(type)}`,
          },
          {
            title: t('setup.templates.inUse'),
            key: 'template',
            render: (_, type) => {
              const id = round.templateByType[type];
              const template = id === undefined ? undefined : byId.get(id);
              if (!template) {
                return (
                  <Typography.Text type="danger">{t('setup.templates.missing')}</Typography.Text>
                );
              }
              const sums = templateSums(template);
              return (
                <Space orientation="vertical" size={2} data-testid={`template-row-${type}`}>
                  <Typography.Text strong data-testid={`template-name-${type}`}>
                    {template.name}
                  </Typography.Text>
                  <Space size={4} wrap>
                    <TemplateTags template={template} />
                    <Typography.Text type="secondary">
                      {t('setup.templates.summary', {
                        primaries: template.primaries.length,
                        secondaries: template.primaries.reduce((n, p) => n + p.children.length, 0),
                        total: sums.total,
                      })}
                    </Typography.Text>
                  </Space>
                  {template.frozenAt !== undefined ? (
                    <Typography.Text type="secondary">
                      {t('setup.templates.frozenNote')}
                    </Typography.Text>
                  ) : null}
                </Space>
              );
            },
          },
          {
            title: t('setup.templates.actions'),
            key: 'actions',
            width: 460,
            render: (_, type) => {
              const id = round.templateByType[type];
              const template = id === undefined ? undefined : byId.get(id);
              return (
                <Space wrap>
                  <Select<string>
                    value={id}
                    disabled={locked !== undefined}
                    style={{ width: 220 }}
                    placeholder={t('setup.templates.choose')}
                    onChange={(templateId) => void choose(type, templateId)}
                    options={templatesOfType(type, all).map((option) => ({
                      value: option.id,
                      label: `${option.name}（${t('setup.templates.version', { version: option.version })}）`,
                    }))}
                    data-testid={`template-choose-${type}`}
                  />
                  {template ? (
                    <Button
                      disabled={locked !== undefined}
                      onClick={() =>
                        onEdit({ baseType: type, draft: copyTemplate(template, setupDeps) })
                      }
                      data-testid={`template-copy-${type}`}
                    >
                      {t('setup.templates.copyAndEdit')}
                    </Button>
                  ) : null}
                  {template && !isBuiltinTemplate(template) ? (
                    <Button
                      disabled={locked !== undefined}
                      onClick={() => onEdit({ baseType: type, draft: template })}
                      data-testid={`template-edit-${type}`}
                    >
                      {t('setup.templates.edit')}
                    </Button>
                  ) : null}
                </Space>
              );
            },
          },
        ]}
      />
    </Space>
  );
};
