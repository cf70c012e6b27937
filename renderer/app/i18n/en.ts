// English catalogue; the type forces it to carry every key of the Chinese one.
import { assignmentEn } from './assignment.en';
import { backupsEn } from './backups.en';
import { dashboardEn } from './dashboard.en';
import { resultsEn } from './results.en';
import { reportEn } from './report.en';
import { exchangeEn } from './exchange.en';
import type { Catalogue } from './zh-CN';
import { scoringEn } from './scoring.en';
import { setupEn } from './setup.en';
import { rosterEn } from './roster.en';
import { routeLoadEn } from './routeLoad.en';
import { pinResetEn } from './pinReset.en';
import { fileHashEn } from './fileHash.en';
import { concordanceEn } from './concordance.en';
import { continueEn } from './continue.en';
import { voidedEn } from './voided.en';
import { changesEn } from './changes.en';
import { closingEn } from './closing.en';
import { trustEn } from './trust.en';
import { spreadsheetEn } from './spreadsheet.en';
import { workbookEn } from './workbook.en';
import { registryEn } from './registry.en';
import { cycleEn } from './cycle.en';

export const en = {
  app: {
    name: 'Pinggu',
    subtitle: 'Expert evaluation of Liaoning S&T innovation bases',
    offline: 'Works offline',
    language: 'Language',
    demoBadge: 'Demo data',
  },
  nav: {
    home: 'Home',
    secretariat: 'Secretariat',
    scoring: 'Expert scoring',
    dashboard: "Chair's dashboard",
    about: 'About',
  },
  home: {
    title: 'Current evaluation round',
    noRoundTitle: 'No evaluation round yet',
    noRoundBody:
      'The secretariat creates a round and imports the roster of bases. On first use you can load the built-in demo round to see a complete evaluation.',
    loadDemo: 'Load demo round',
    loadingDemo: 'Loading the demo round…',
    demoLoaded: 'Demo round loaded',
    demoFailed: 'Could not load the demo round: {{message}}',
    removeDemo: 'Remove demo round',
    removeDemoConfirm: 'Remove the demo round and all of its scores? This cannot be undone.',
    demoRemoved: 'Demo round removed',
    bases: 'Bases',
    panels: 'Panels',
    experts: 'Experts',
    sheetsSubmitted: 'Scoresheets submitted',
    progress: 'Scoring progress',
    progressDetail:
      '{{expected}} expected: {{submitted}} submitted, {{draft}} draft, {{recused}} recused, {{notStarted}} not started',
    byType: 'By base type',
    type: 'Base type',
    category: 'Category',
    count: 'Count',
    submitted: 'Submitted',
    draft: 'Draft',
    recused: 'Recused',
    notStarted: 'Not started',
    round: 'Round',
    year: 'Year',
    evaluationType: 'Evaluation type',
    rule: 'Aggregation rule',
    switchRound: 'Switch round',
  },
  evaluationType: {
    integration: 'Integration assessment',
    periodic: 'Periodic evaluation',
  },
  aggregation: {
    mean: 'Mean',
    median: 'Median',
    trimmedMean: 'Trimmed mean (drop highest and lowest)',
    zScore: 'Per-expert standardisation (z-scores)',
    trimmedRule:
      'Drop the {{count}} highest and lowest scores when at least {{min}} valid scoresheets, otherwise the mean',
  },
  secretariat: {
    title: 'Secretariat',
    intro: "This round's bases, panels and experts.",
    basesTab: 'Bases',
    panelsTab: 'Panels and experts',
    name: 'Base',
    type: 'Type',
    legacyType: 'Legacy type',
    host: 'Host institution',
    city: 'City',
    director: 'Director',
    year: 'Established',
    field: 'Field',
    panel: 'Panel',
    expertName: 'Name',
    institution: 'Institution',
    expertTitle: 'Title',
    chair: 'Chair',
    assignedBases: 'Bases assigned',
    filterType: 'All types',
    filterCity: 'All cities',
    search: 'Search base or host institution',
  },
  scoring: scoringEn,
  dashboard: dashboardEn,
  backups: backupsEn,
  assignment: assignmentEn,
  setup: setupEn,
  roster: rosterEn,
  results: resultsEn,
  report: reportEn,
  exchange: exchangeEn,
  routeLoad: routeLoadEn,
  pinReset: pinResetEn,
  fileHash: fileHashEn,
  concordance: concordanceEn,
  continue: continueEn,
  voided: voidedEn,
  changes: changesEn,
  closing: closingEn,
  trust: trustEn,
  spreadsheet: spreadsheetEn,
  workbook: workbookEn,
  registry: registryEn,
  cycle: cycleEn,
  grade: {
    excellent: 'Excellent',
    good: 'Good',
    pass: 'Pass',
    fail: 'Fail',
  },
  about: {
    title: 'About Pinggu',
    version: 'Version',
    platform: 'Runtime',
    platformElectron: 'Desktop app (Electron)',
    platformBrowser: 'Browser (offline web app)',
    dataFolder: 'Data folder',
    dataFolderBrowser: 'Browser storage (IndexedDB)',
    persistence: 'Persistent storage',
    persisted: 'Granted: the browser will not evict this app’s data',
    notPersisted:
      'Not granted: the browser may evict data when disk space runs low; export backups',
    persistenceUnknown: 'This browser cannot tell',
    deviceId: 'Device id',
  },
  common: {
    loading: 'Loading…',
    cancel: 'Cancel',
    confirm: 'OK',
    none: 'None',
    all: 'All',
    yes: 'Yes',
    no: 'No',
    savePdf: 'Save as PDF',
    pdfSaved: 'PDF saved',
    pdfFailed: 'Could not save the PDF: {{message}}',
  },
} satisfies Catalogue;
