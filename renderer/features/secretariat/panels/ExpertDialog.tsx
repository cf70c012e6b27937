// Adds an expert to a panel or edits one: name, institution, title (职称), field and phone,
// checked as typed (name and institution required, phone digits). Editing also offers the
// panel, so an expert without assignments can move.
import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { validateExpertFields } from '../../../../shared/domain/panels';
import type { ExpertField, ExpertFields } from '../../../../shared/domain/panels';
import type { Expert, Panel } from '../../../../shared/domain/types';
import { DialogFooter, useSaveThenClose } from './dialogParts';

const EMPTY: ExpertFields = { name: '', institution: '', title: '', field: '', phone: '' };

const FIELDS: readonly { field: ExpertField; labelKey: string; required?: boolean }[] = [
  { field: 'name', labelKey: 'setup.experts.name', required: true },
  { field: 'institution', labelKey: 'setup.experts.institution', required: true },
  { field: 'title', labelKey: 'setup.experts.title' },
  { field: 'field', labelKey: 'setup.experts.field' },
  { field: 'phone', labelKey: 'setup.experts.phone' },
];

export const ExpertDialog = ({
  title,
  expert,
  panels,
  panelId,
  onSave,
  onClose,
}: {
  title: string;
  /** The expert to edit; absent when adding. */
  expert?: Expert;
  panels: readonly Panel[];
  /** The panel the expert is added to or is in. */
  panelId: string;
  /** Resolves true when saved (the dialog then closes). */
  onSave: (fields: ExpertFields, panelId: string) => Promise<boolean>;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const [fields, setFields] = useState<ExpertFields>(() =>
    expert
      ? {
          name: expert.name,
          institution: expert.institution,
          title: expert.title,
          field: expert.field,
          phone: expert.phone ?? '',
        }
      : EMPTY,
  );
  const [targetPanel, setTargetPanel] = useState(panelId);
  const [touched, setTouched] = useState<ReadonlySet<ExpertField>>(new Set());
  const { isSaving, saveThenClose } = useSaveThenClose(onClose);
  const problems = validateExpertFields(fields);
  const problemOf = (field: ExpertField) =>
    touched.has(field) ? problems.find((p) => p.field === field)?.message : undefined;

  const save = async () => {
    setTouched(new Set(FIELDS.map((f) => f.field)));
    if (problems.length > 0) return;
    await saveThenClose(() => onSave(fields, targetPanel));
  };

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      footer={
        <DialogFooter
          label={t('setup.experts.save')}
          onConfirm={() => void save()}
          onCancel={onClose}
          isBusy={isSaving}
          testId="expert-save"
        />
      }
    >
      <Form layout="vertical">
        {FIELDS.map(({ field, labelKey, required }) => {
          const problem = problemOf(field);
          return (
            <Form.Item
              key={field}
              label={t(labelKey)}
              required={required}
              validateStatus={problem ? 'error' : undefined}
              help={problem}
            >
              <Input
                autoFocus={field === 'name'}
                value={fields[field] ?? ''}
                maxLength={100}
                onChange={(event) => {
                  const text = event.target.value;
                  setTouched((before) => new Set(before).add(field));
                  setFields((before) => ({ ...before, [field]: text }));
                }}
                data-testid={`expert-${field}`}
              />
            </Form.Item>
          );
        })}
        {expert ? (
          <Form.Item label={t('setup.experts.panel')}>
            <Select<string>
              value={targetPanel}
              onChange={setTargetPanel}
              options={panels.map((p) => ({ value: p.id, label: p.name }))}
              data-testid="expert-panel"
            />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
};
