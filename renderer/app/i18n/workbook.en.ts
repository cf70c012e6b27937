// English strings of the Excel scoresheet workbook; typed against the Chinese catalogue.
import type { Catalogue } from './zh-CN';

export const workbookEn: Catalogue['workbook'] = {
  export: {
    title: 'Excel scoresheets (experts without the app)',
    intro:
      'Export Excel scoresheets for experts who cannot install Pinggu: one .xlsx file per expert, to fill in Excel, WPS or LibreOffice. Only the light-yellow cells can be filled; scores are checked in steps of 0.5. Returned workbooks are imported below with the score bundles.',
    setupWarning:
      'This round is not issued yet and its indicator systems may still change; a workbook exported before a change will be refused and must be exported again. Export after issuing the round bundles.',
    panel: 'Export all scoresheets of “{{panel}}”…',
    expert: 'Export…',
    saved: 'Saved {{count}} Excel scoresheets.',
    savedIn: 'Saved {{count}} Excel scoresheets in {{folder}}.',
    skipped: 'Not exported: {{experts}}',
    internal: 'An internal error occurred while writing the scoresheets; nothing was saved.',
    columns: {
      panel: 'Panel',
      expert: 'Expert',
      bases: 'Bases to score',
      action: 'Excel scoresheet',
    },
  },
  import: {
    pick: 'Choose Excel scoresheets…',
    chairButton: 'Import Excel scoresheet…',
    title: 'Import an Excel scoresheet',
    commit: 'Import',
    close: 'Close',
    working: 'Reading “{{file}}”…',
    unchanged: 'Everything in this Excel scoresheet is here already; importing it changes nothing.',
    done: 'Imported: {{added}} new, {{updated}} updated, {{unchanged}} unchanged, {{conflicts}} conflicts, {{refused}} refused.',
    signer: 'Excel scoresheet · {{expert}}',
  },
  preview: {
    expert: 'Expert',
    exportedAt: 'Exported',
    file: 'File SHA-256',
    device: 'Source',
    counts: 'Scoresheets',
    sheet: 'Sheet',
    base: 'Base',
    state: 'In the workbook',
    outcome: 'Import',
    missing: '{{count}} scores missing',
    states: {
      submitted: 'Confirmed',
      draft: 'Draft',
      recused: 'Recused',
    },
  },
};
