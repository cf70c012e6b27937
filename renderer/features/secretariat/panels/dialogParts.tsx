// What the panels tab's dialogs share: the footer (取消, then the primary action, busy while
// the write runs) and the save that runs the write and closes the dialog once it succeeded.
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export const DialogFooter = ({
  label,
  onConfirm,
  onCancel,
  isBusy,
  isDisabled = false,
  testId,
}: {
  label: string;
  onConfirm: () => void;
  onCancel: () => void;
  isBusy: boolean;
  isDisabled?: boolean;
  testId: string;
}) => {
  const { t } = useTranslation();
  return (
    <>
      <Button onClick={onCancel}>{t('common.cancel')}</Button>
      <Button
        type="primary"
        disabled={isDisabled}
        loading={isBusy}
        onClick={onConfirm}
        data-testid={testId}
      >
        {label}
      </Button>
    </>
  );
};

/** Runs a write (resolving true when it succeeded), busy meanwhile; closes on success. */
export function useSaveThenClose(onClose: () => void) {
  const [isSaving, setIsSaving] = useState(false);
  const saveThenClose = async (write: () => Promise<boolean>) => {
    setIsSaving(true);
    try {
      if (await write()) onClose();
    } finally {
      setIsSaving(false);
    }
  };
  return { isSaving, saveThenClose };
}
