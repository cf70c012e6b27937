// Asks for a panel's name: for a new panel or to rename one. The name is checked as typed
// (required, unique in the round); the repository checks again on save.
import { Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { validatePanelName } from '../../../../shared/domain/panels';
import type { Panel } from '../../../../shared/domain/types';

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
  const [isSaving, setIsSaving] = useState(false);
  const problem = validatePanelName(name, otherPanels)[0];
  const save = async () => {
    setIsTouched(true);
    if (problem !== undefined) return;
    setIsSaving(true);
    try {
      if (await onSave(name)) onClose();
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="save"
          type="primary"
          loading={isSaving}
          onClick={() => void save()}
          data-testid="panel-save"
        >
          {t('setup.panels.save')}
        </Button>,
      ]}
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
