// English strings of the forgotten-PIN reset; typed against the Chinese catalogue.
import type { Catalogue } from './zh-CN';

export const pinResetEn: Catalogue['pinReset'] = {
  forgot: 'Forgot PIN?',
  title: 'Reset the PIN of {{name}}',
  body: 'Once the panel chair confirms, the PIN {{name}} set on this computer is removed and a new one can be set. Scoresheets are not affected; the reset is recorded in the audit log.',
  bodyChair:
    "{{name}} chairs this panel. The chair's own PIN can only be reset with the confirmation of another expert of the panel; a new one can then be set. Scoresheets are not affected; the reset is recorded in the audit log.",
  confirmer: 'Confirmed by (another expert of the panel)',
  confirmerPlaceholder: 'Choose who confirms',
  chairPin: 'PIN of the chair, {{name}}',
  chairName: 'The chair, {{name}}, types their name to confirm',
  memberPin: 'PIN of {{name}}',
  memberName: '{{name}} types their name to confirm',
  reason: 'Why reset (required)',
  reasonPlaceholder: 'e.g. forgot the PIN',
  confirm: 'Reset PIN',
  invalidPin: 'A PIN has 4–6 digits',
  done: 'The PIN of {{name}} was reset; please set a new one',
  failed: 'The PIN was not reset: {{message}}',
  refusals: {
    expertNotFound: 'This expert was not found.',
    noPin: 'This expert has no PIN on this computer (perhaps it was reset in another window).',
    noReason: 'Please give a reason for the reset.',
    noChair:
      'This panel has no chair, so PINs cannot be reset on this computer. Ask the secretariat.',
    noOtherMember:
      "No other expert of the panel can confirm, so the chair's PIN cannot be reset on this computer. Ask the secretariat.",
    notAllowed:
      "Only the panel chair (for the chair's own PIN, another expert of the panel) can confirm the reset.",
    pinRequired: 'The confirming expert has a PIN on this computer; enter that PIN.',
    nameRequired: 'The confirming expert has no PIN on this computer; type their name.',
    wrongPin: 'Wrong PIN of the confirming expert; nothing was reset.',
    wrongName: "The name does not match the confirming expert's; nothing was reset.",
  },
};
