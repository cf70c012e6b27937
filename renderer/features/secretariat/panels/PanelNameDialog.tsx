// Asks for a panel's name: for a new panel or to rename one. The name is checked as typed
// (required, unique in the round); the repository checks again on save.
import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { validatePanelName } from '../../../../shared/domain/panels';
import type { Panel } from '../../../../shared/domain/types';
import { DialogFooter, useSaveThenClose } from './dialogParts';

export const PanelNameDialog = ({
  title,
  initialName,
  otherPanels,
  onSave,
  onClose,
}: {
  title: string;
  initialName: string;
  otherPanels: readonly Panel[];
  /** Resolves true when saved (the dialog then closes). */
  onSave: (name: string) => Promise<boolean>;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const [name, setName] = useState(initialName);
  const [isTouched, setIsTouched] = useState(false);
  const { isSaving, saveThenClose } = useSaveThenClose(onClose);
  const problem = validatePanelName(name, otherPanels)[0];
  const save = async () => {
    setIsTouched(true);
    if (problem !== undefined) return;
    await saveThenClose(() => onSave(name));
  };
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      footer={
        <DialogFooter
          label={t('setup.panels.save')}
          onConfirm={() => void save()}
          onCancel={onClose}
          isBusy={isSaving}
          testId="panel-save"
        />
      }
    >
      <Form layout="vertical" onFinish={() => void save()}>
        <Form.Item
          label={t('setup.panels.panelName')}
          required
          validateStatus={isTouched && problem ? 'error' : undefined}
          help={isTouched ? problem : undefined}
        >
          <Input
            autoFocus
            value={name}
            maxLength={40}
            placeholder={t('setup.panels.panelNamePlaceholder')}
            onChange={(event) => {
              setIsTouched(true);
              setName(event.target.value);
            }}
            onPressEnter={() => void save()}
            data-testid="panel-name-input"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
};
