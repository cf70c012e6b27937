// English strings of changes after issue and voided sheets; typed against the Chinese catalogue.
import type { Catalogue } from './zh-CN';

export const changesEn: Catalogue['changes'] = {
  title: 'Changes during the round',
  intro:
    'After the round bundles went out, replacing an expert, withdrawing a base, moving a base to another panel, or declaring a conflict of interest once scoring began are recorded here, each with a reason. The sheets they affect are voided: kept as they are and visible, but counted in no statistic. Each change can be undone with a reason.',
  reissueNotice:
    'After a change, the affected panels need a new round bundle: re-issue it on the Issue & collect tab.',
  readOnlyClosed: 'This round is closed; nothing can change any more.',
  readOnlyArchived: 'This is an archived round, for viewing only.',
  actions: {
    replaceExpert: 'Replace expert',
    withdrawBase: 'Withdraw base',
    moveBase: 'Move base',
    declareConflict: 'Declare conflict',
    undo: 'Undo',
  },
  kinds: {
    replaceExpert: 'Expert replaced',
    withdrawBase: 'Base withdrawn',
    moveBase: 'Base moved',
    declareConflict: 'Conflict declared',
    waiveMissing: 'Missing sheet waived',
  },
  subject: {
    replaceExpert: '{{expert}} → {{replacement}}',
    withdrawBase: '{{base}} (was in {{from}})',
    moveBase: '{{base}}: {{from}} → {{to}}',
    declareConflict: '{{expert}} recused from {{base}}',
    waiveMissing: '{{expert}} × {{base}} waived',
  },
  noPanel: 'no panel',
  columns: {
    at: 'When',
    kind: 'Kind',
    subject: 'What',
    reason: 'Reason',
    actor: 'By',
    state: 'State',
    voids: 'Voids',
  },
  standing: 'In effect',
  undone: 'Undone',
  undoneDetail: 'Undone by {{actor}} at {{at}}: {{reason}}',
  pairs: '{{count}} sheets',
  empty: 'No changes yet',
  dialog: {
    panel: 'Panel',
    replaced: 'Expert to replace',
    replacement: 'Replacement',
    replacementHint:
      'The replacement must already be in this panel (add them under Panels and experts); a chair cannot be replaced: change the chair first.',
    expert: 'Expert',
    base: 'Base',
    targetPanel: 'Move to panel',
    reason: 'Reason',
    reasonPlaceholder: 'e.g. Prof. Liu is ill and cannot come',
    actor: 'Recorded by',
    actorPlaceholder: 'e.g. Secretariat, Wang Fang',
    confirm: 'Record change',
    bodies: {
      replaceExpert:
        'All of the expert’s assignments go to the replacement (recorded as recusals where the replacement has a conflict of interest); sheets the replaced expert started are voided.',
      withdrawBase:
        'The base leaves this round: it stays on the roster but is no longer scored; all of its sheets are voided.',
      moveBase:
        'The base goes to another panel, whose experts score it anew; sheets its old panel started are voided.',
      declareConflict:
        'A conflict of interest came to light after the expert started scoring this base: recorded as a recusal by the secretariat, and the expert’s sheet is voided.',
    },
  },
  undo: {
    title: 'Undo change',
    body: 'Undoing puts the assignments back as they were before the change; the sheets it voided count again.',
    reason: 'Reason for undoing',
    reasonPlaceholder: 'e.g. Wrong replacement, Prof. Liu is here',
    confirm: 'Undo change',
  },
  recorded: 'Change recorded; {{count}} sheets voided',
  undoneDone: 'Change undone; {{count}} sheets count again',
  reissue: 'Re-issue the round bundles of these panels: {{names}}',
  voided: {
    title: 'Voided sheets',
    intro:
      'These sheets were voided by changes during the round: kept as they are, counted in no statistic.',
    count: '{{count}} in all',
    columns: {
      base: 'Base',
      expert: 'Expert',
      panel: 'Panel',
      state: 'Sheet state',
      total: 'Total',
      kind: 'Change',
      reason: 'Reason',
      actor: 'By',
      at: 'Changed at',
    },
    states: {
      submitted: 'Submitted',
      draft: 'Draft',
      recused: 'Recused',
      notStarted: 'Not started',
    },
  },
};
