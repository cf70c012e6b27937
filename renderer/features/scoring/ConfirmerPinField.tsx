// The confirmer's PIN in the reopen and PIN-reset dialogs: one PIN field when the confirmer
// (the chair, or for the chair's own PIN a colleague) has a PIN on this laptop; otherwise a
// new PIN typed twice, which the confirmer sets now and which then confirms.
import { Form, Input, Typography } from 'antd';

export type PinEntryText = { pin: string; again: string };

export const EMPTY_PIN_ENTRY: PinEntryText = { pin: '', again: '' };

const pinInputProps = { inputMode: 'numeric', maxLength: 6, autoComplete: 'off' } as const;

export const ConfirmerPinField = ({
  hasPin,
  labels,
  value,
  onChange,
  error,
  testId,
}: {
  hasPin: boolean;
  /** `pin`: the existing PIN's label; `hint`, `newPin`, `again`: the first-PIN form's. */
  labels: { pin: string; hint: string; newPin: string; again: string };
  value: PinEntryText;
  onChange: (value: PinEntryText) => void;
  error: string | null;
  /** The PIN field's test id; the new PIN's are `<testId>-new` and `<testId>-again`. */
  testId: string;
}) => {
  const errorProps = error ? { validateStatus: 'error' as const, help: error } : {};
  if (hasPin) {
    return (
      <Form.Item label={labels.pin} required {...errorProps}>
        <Input.Password
          {...pinInputProps}
          value={value.pin}
          onChange={(event) => onChange({ pin: event.target.value, again: '' })}
          data-testid={testId}
        />
      </Form.Item>
    );
  }
  return (
    <>
      <Typography.Paragraph type="warning" data-testid={`${testId}-hint`}>
        {labels.hint}
      </Typography.Paragraph>
      <Form.Item label={labels.newPin} required>
        <Input.Password
          {...pinInputProps}
          value={value.pin}
          onChange={(event) => onChange({ ...value, pin: event.target.value })}
          data-testid={`${testId}-new`}
        />
      </Form.Item>
      <Form.Item label={labels.again} required {...errorProps}>
        <Input.Password
          {...pinInputProps}
          value={value.again}
          onChange={(event) => onChange({ ...value, again: event.target.value })}
          data-testid={`${testId}-again`}
        />
      </Form.Item>
    </>
  );
};
