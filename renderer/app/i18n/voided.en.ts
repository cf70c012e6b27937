// English strings of voided sheets and round changes; typed against the Chinese catalogue.
import type { Catalogue } from './zh-CN';

export const voidedEn: Catalogue['voided'] = {
  tag: 'Voided',
  kinds: {
    replaceExpert: 'Expert replaced',
    withdrawBase: 'Base withdrawn',
    moveBase: 'Base moved',
    declareConflict: 'Conflict declared',
    waiveMissing: 'Missing sheet waived',
  },
  listTitle: 'Changes made by the secretariat ({{count}})',
  expert: 'Expert: {{name}}',
  replacement: 'Replaced by: {{name}}',
  base: 'Base: {{name}}',
  fromPanel: 'From panel: {{name}}',
  toPanel: 'To panel: {{name}}',
  reason: 'Reason: {{reason}}',
  madeBy: '{{actor}}, {{at}}',
  voids: 'voids the scores of {{count}} assignments',
  undone: 'Undone: {{actor}}, {{at}}, reason: {{reason}}',
  undoneTag: 'Undone',
  status: { new: 'New change', changed: 'Updated', unchanged: 'Already here' },
  voidedHere:
    'After the import, {{count}} scoresheets on this computer are voided: kept and viewable, no longer editable or submittable, and counted in no statistic.',
  sheetsLabel: 'Voided',
  sheetsVoided: 'Voided: {{count}} ({{reasons}})',
  sheetsVoidedNote:
    'These sheets belong to assignments voided by a round change: they are stored as usual and counted in no statistic.',
  rowReason: 'Reason: {{reason}}',
  filter: 'Voided ({{count}})',
  progress: '{{count}} more voided',
  panelCount: '{{count}} voided',
  sheetBanner:
    'This scoresheet is voided ({{kind}}): {{reason}}. Its scores are kept and can be viewed, but it cannot be edited, submitted or reopened, and it counts in no statistic.',
};
