// English strings of trust in panel keys (see trust.zh-CN.ts).
import type { Catalogue } from './zh-CN';

export const trustEn: Catalogue['trust'] = {
  operator: 'Checked by',
  operatorPlaceholder: 'name of the person who compared the fingerprint',
  import: {
    newKeyTitle: 'The first signing key from this panel device: compare its fingerprint first',
    confirmNew:
      "I compared the fingerprint {{fingerprint}} with the panel's signed paper summary; they match",
    needTick: 'Tick the fingerprint check to import.',
    needOperator:
      'Enter the name of the person who checked: a trusted key records who checked it and when.',
  },
  batch: {
    title: 'Check the panels’ signing keys',
    intro:
      "These signing keys are new to this computer (or differ from the one trusted before). Compare each fingerprint with the one on the panel's signed paper summary and tick it when they match; one tick covers every file signed with that key. Files signed with a key left unticked are not imported.",
    panel: 'Panel',
    device: 'Device',
    fingerprint: 'Fingerprint',
    files: 'Files',
    check: 'Check',
    fileList: 'no. {{list}}',
    statuses: { newDevice: 'New device key', mismatch: 'Key changed' },
    pinnedBefore: 'Trusted before: {{fingerprint}}',
    confirm: 'Matches the paper summary',
    waitingKeys:
      '{{count}} signing key(s) not checked yet ({{keys}}): check and tick each, or do not import the files they signed.',
    needOperator:
      'Enter the name of the person who checked: a trusted key records who checked it and when.',
    rowPending: 'Key to check',
    rowConfirmed: 'Key checked',
    skippedKeyUnconfirmed: 'Signing key not checked; not imported',
  },
  keys: {
    title: 'Trusted panel keys',
    intro:
      'The signing key of each panel laptop this computer trusts after a check. The exported trust file (.pgtrust.json) lets the command line merge only bundles signed with these keys: pinggu merge --trust FILE. The list can be printed for the records.',
    panel: 'Panel',
    device: 'Device',
    fingerprint: 'Fingerprint',
    pinnedAt: 'Checked at',
    pinnedBy: 'Checked by',
    state: 'State',
    confirmed: 'Checked',
    unconfirmed: 'Not checked',
    unconfirmedNote:
      '{{count}} key(s) were never checked by a person: they are left out of the trust file and the printed list.',
    empty:
      'No trusted panel keys yet: they are listed here once score bundles are imported and their fingerprints checked.',
    export: 'Export trust file',
    print: 'Print the list of trusted keys',
    nothing: 'No checked key: there is no trust file to export.',
    saved: 'Trust file saved: {{name}}',
    failed: 'The trust file was not saved: {{reason}}',
  },
  print: {
    title: 'Trusted signing keys of the panels',
    round: 'Round: {{name}} ({{id}})',
    index: 'No.',
    note: "Each fingerprint was compared with the panel's signed paper summary by the person named. The command line uses a trust file with the same content: pinggu merge --trust FILE.",
    empty: 'No checked keys.',
    signature: 'Signed for the secretariat:',
    date: 'Date:',
    printedAt: 'Printed {{at}}',
  },
};
