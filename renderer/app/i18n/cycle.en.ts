// English strings of the round list on the home page and the round started from the
// department's registry bundle; typed against the Chinese catalogue.
import type { Catalogue } from './zh-CN';

export const cycleEn: Catalogue['cycle'] = {
  rounds: {
    title: 'All evaluation rounds',
    hint: 'Every round kept on this computer, including archived rounds imported from result bundles. Open one and every screen shows it.',
    name: 'Round',
    year: 'Year',
    evaluationType: 'Evaluation type',
    status: 'Status',
    bases: 'Bases',
    action: 'Action',
    open: 'Open',
    current: 'Current round',
    demo: 'Demo data',
    archived: 'Archive',
    version: 'version {{version}}',
    reopened: 'reopened',
    opened: 'Opened the round "{{name}}"',
    noCurrentTitle: 'No round is open',
    noCurrentBody:
      'This computer keeps {{count}} round(s). Choose one in the list below to open it.',
  },
  fromRegistry: {
    choiceTitle: 'How do you want to start the new round?',
    blank: 'Start from scratch',
    registry: "Start from the department's registry bundle",
    registryHint:
      'Open the registry bundle (.pgb) the department sent: the bases, their registry codes and their earlier results come with it; nothing is typed again.',
    title: "Start from the department's registry bundle",
    pick: 'Choose the registry bundle…',
    reading: 'Checking the registry bundle…',
    back: 'Back',
    fileLabel: 'File',
    sha256: 'File SHA-256',
    verified: 'The registry bundle is complete and its signature is valid.',
    compareTitle: 'Compare the signing key fingerprint',
    compareBody:
      'Compare it character by character with the fingerprint the department gave on paper or by phone. Only a matching fingerprint shows that the bundle comes from the department unchanged.',
    compareTick: 'I compared it: the fingerprint matches {{fingerprint}} from the department',
    operator: 'Compared by',
    operatorPlaceholder: 'Name',
    needTick: 'Compare the fingerprint and tick the box first.',
    needOperator: 'Enter the name of the person who compared it.',
    preview: 'What the bundle holds',
    listTitle: 'Title',
    year: 'Year',
    purpose: 'Purpose',
    purposes: {
      periodic: 'Periodic evaluation',
      followUp: 'Follow-up (rectification due)',
    },
    basesTotal: '{{count}} bases',
    withHistory: '{{count}} of them with earlier results',
    byType: 'By base type',
    type: 'Base type',
    count: 'Count',
    rectifying: 'Under rectification',
    continue: 'Create the round from this bundle',
    fromBundle:
      'The bases come from the registry bundle "{{title}}" ({{count}} bases); no roster needs importing after the round is created.',
    created: 'Created the round "{{name}}" from the registry bundle with {{count}} bases',
  },
  history: {
    fromRegistry: 'registry bundle',
  },
};
