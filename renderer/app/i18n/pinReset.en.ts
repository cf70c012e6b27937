// English strings of the forgotten-PIN reset; typed against the Chinese catalogue.
import type { Catalogue } from './zh-CN';

export const pinResetEn: Catalogue['pinReset'] = {
  forgot: 'Forgot PIN?',
  title: 'Reset the PIN of {{name}}',
  body: 'Once the panel chair confirms with their PIN, the PIN {{name}} set on this computer is removed and a new one can be set. Scoresheets are not affected; the reset is recorded in the audit log.',
  bodyChair:
    "{{name}} chairs this panel. The chair's own PIN can only be reset once another expert of the panel confirms with their PIN; a new one can then be set. Scoresheets are not affected; the reset is recorded in the audit log.",
  confirmer: 'Confirmed by (another expert of the panel)',
  confirmerPlaceholder: 'Choose who confirms',
  chairPin: 'PIN of the chair, {{name}}',
  memberPin: 'PIN of {{name}}',
  chairNewPinHint:
    'The chair, {{name}}, has no PIN on this computer. The chair sets one now (4–6 digits, typed twice), and it confirms the reset; from then on, switching to the chair on this computer asks for it too.',
  memberNewPinHint:
    '{{name}} has no PIN on this computer. {{name}} sets one now (4–6 digits, typed twice), and it confirms the reset; from then on, switching to {{name}} on this computer asks for it too.',
  newPin: 'New PIN of {{name}}',
  newPinAgain: 'New PIN again',
  mismatch: 'The two PINs differ; nothing was reset.',
  reason: 'Why reset (required)',
  reasonPlaceholder: 'e.g. forgot the PIN',
  confirm: 'Reset PIN',
  invalidPin: 'A PIN has 4–6 digits; nothing was reset.',
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
    pinRequired:
      'The confirming expert has a PIN on this computer (perhaps just set in another window); enter that PIN.',
    pinNotSet: 'The confirming expert has no PIN on this computer; set one for them first.',
    badNewPin: "The confirming expert's new PIN is not valid; nothing was reset.",
    wrongPin: 'Wrong PIN of the confirming expert; nothing was reset.',
    wrongPinPaused:
      'Wrong PIN of the confirming expert; nothing was reset. {{count}} wrong in a row: try again in {{seconds}} s.',
    paused: 'Too many wrong PINs of the confirming expert: try again in {{seconds}} s.',
  },
};
