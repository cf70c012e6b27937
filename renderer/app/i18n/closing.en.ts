// English strings of closing (结束评估) and reopening (重新开启); typed against the Chinese catalogue.
import type { Catalogue } from './zh-CN';

export const closingEn: Catalogue['closing'] = {
  title: 'Close the round',
  intro:
    'The round can be closed once every scoring conflict is settled, every base has a final decision and every expected scoresheet is submitted (or waived). Closing freezes the round: no score, assignment, indicator system, decision or roster can change. The final report and the signed result bundle are written, and their SHA-256 recorded.',
  close: 'Close the round',
  blockersTitle: 'The round cannot be closed yet: {{count}} items first',
  blockersCleared: 'Nothing stands in the way any more: the round can be closed.',
  blocker: {
    openConflict: 'Scoring conflict open: {{base}} · {{expert}}',
    undecidedBase: 'No final decision: {{base}}',
    missingSheet: 'Scoresheet not submitted ({{state}}): {{expert}} ({{panel}}) · {{base}}',
  },
  states: { missing: 'not started', draft: 'draft' },
  goConflicts: 'Settle conflicts',
  goDecide: 'Decide',
  goProgress: 'Progress',
  waive: 'Waive…',
  waiveTitle: 'Waive the missing scoresheet: {{expert}} · {{base}}',
  waiveBody:
    'Closing will no longer wait for this scoresheet. The waiver is recorded as a round change and in the audit log (who, when, why); the scoresheet itself is untouched.',
  waiveReason: 'Why it is waived',
  waiveReasonPlaceholder: 'e.g. the expert phoned in ill and cannot score',
  waiveOk: 'Waive',
  waived: 'Waived: {{expert}} · {{base}}',
  actor: 'Operator',
  actorPlaceholder: 'Your name',
  confirmTitle: 'Close the round (version {{version}})',
  confirmBody:
    'Closing freezes the round: no score, assignment, indicator system, decision or roster can change; each final decision records the aggregate, method and grade it stands on. Then the final report (.xlsx) and the signed result bundle (.pgb) are written, their names marked "version {{version}}".',
  confirmOk: 'Close the round',
  closed: 'The round is closed (version {{version}})',
  banner: {
    title: 'Closed · version {{version}}',
    titleNoVersion: 'Closed',
    closedAt: 'Closed at {{time}} by {{actor}}',
    noRecord:
      'This round was closed earlier without a closing record (version); it cannot be reopened here.',
    report: 'Final report SHA-256: ',
    result: 'Signed result bundle SHA-256: ',
    notSaved: 'not saved yet',
    frozen:
      'The round is frozen: no score, assignment, indicator system, decision or roster can change. Reopen it to correct anything.',
  },
  saveFiles: 'Save the final files',
  fileSaved: 'Saved: {{name}}',
  fileSavedTo: 'Saved to: {{path}}',
  fileCancelled: 'Not saved: {{name}} (use "Save the final files" to save it again)',
  fileFailed: 'Saving failed: {{message}}',
  reopen: 'Reopen',
  reopenTitle: 'Reopen the round',
  reopenBody:
    'Reopened, the round can change again. Closing it again writes version {{next}} of the result bundle, which the department tells apart from version {{version}} by its number. The reason goes into the audit log.',
  reopenReason: 'Why it is reopened',
  reopenPlaceholder: 'e.g. a decision’s rationale has a typo to correct',
  reopenOk: 'Reopen',
  reopened: 'The round is reopened',
  reopenedNote:
    'After version {{version}}, {{actor}} reopened the round at {{time}}: {{reason}}. Closing it again writes version {{next}}.',
  basis:
    'Result it stands on at closing: {{aggregate}} ({{method}}), {{grade}}, {{sheets}} valid scoresheets',
  readOnly: {
    results:
      'The round is closed: results and final decisions are read-only. Reopen it to correct anything.',
    settings: 'The round is closed: its settings are read-only.',
    conflicts: 'The round is closed: its conflicts are read-only.',
    scoring: 'The round is closed: scoresheets are read-only and can no longer change.',
  },
};
