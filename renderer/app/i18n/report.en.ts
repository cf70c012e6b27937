// English strings of the secretariat's 报告 tab and the printed round report; typed against
// the Chinese catalogue.
import type { Catalogue } from './zh-CN';

export const reportEn: Catalogue['report'] = {
  tab: 'Report',
  intro:
    "Export the round's results: an Excel workbook, CSV, a printed or PDF report, and the signed result bundle for the department. Check what each export contains below before exporting.",
  undecidedWarning:
    '{{count}} bases have no final decision yet. You can still export; the report marks their decision as “undecided”.',
  unscoredNote:
    '{{count}} bases have no valid scoresheet yet: the report shows no score, grade or rank for them.',
  openConflictsWarning:
    '{{count}} scoring conflicts are still open. Excel, CSV and the printed report use the versions currently saved; the result bundle can only be made once every conflict is resolved.',
  goToConflicts: 'Resolve conflicts',
  exporting: 'Exporting…',
  saved: 'Saved: {{name}}',
  savedTo: 'Saved to: {{path}}',
  failed: 'Export failed: {{message}}',
  rows: '{{count}} rows',
  xlsx: {
    title: 'Excel report',
    button: 'Export Excel report',
    contains: 'One workbook with 6 sheets:',
    summary:
      '汇总 (summary): round, counts, grade distribution and quota notes of {{types}} base types',
    results:
      '基地结果 (results): {{count}} bases with the aggregate and every method, grade, ranks, spread and decision',
    indicators:
      '指标均分 (indicator averages): each base’s average per primary and secondary indicator ({{count}} rows)',
    scoresheets:
      '评分表 (scoresheets): {{count}} raw scoresheets with every score, total, recommendation and comments',
    conflicts:
      '冲突 (conflicts): {{count}} scoring conflicts ({{open}} open) and how they were resolved',
    decisions:
      '决定 (decisions): {{count}} final decisions with disposition, target, reason, who and when',
  },
  csv: {
    title: 'CSV',
    button: 'Export CSV',
    contains:
      'The 基地结果 sheet: a header row and one row for each of {{count}} bases; UTF-8 with BOM so Excel opens it directly, scores with 2 decimals.',
  },
  pdf: {
    title: 'Printed report (print/PDF)',
    button: 'Print / save PDF report',
    contains:
      'An A4 report in Chinese: overview and counts, one page per base type ({{types}}) with the ranking, grades and decisions, quota notes, conflicts and a signature block.',
  },
  bundle: {
    title: 'Result bundle',
    button: 'Create result bundle',
    contains:
      "For the department's archive: every record of the round, i.e. {{bases}} bases, {{sheets}} raw scoresheets and {{decisions}} final decisions, signed with this device's key.",
    fingerprint: 'This device’s key fingerprint: {{fingerprint}}',
    refusedTitle: 'The result bundle cannot be made yet',
    refused:
      '{{count}} scoring conflicts of this round are still open; resolve them, then create the result bundle.',
    saved:
      'Result bundle saved: {{name}} ({{bases}} bases, {{sheets}} scoresheets, {{decisions}} decisions)',
  },
  print: {
    back: 'Back to report',
    print: 'Print',
    hint: 'Print on A4; in a browser, choose “Save as PDF” in the print dialog.',
    title: 'Evaluation results of Liaoning S&T innovation bases',
    year: '{{year}}',
    generatedAt: 'Generated: {{at}}',
    overview: '1. Overview',
    typeSummary: '2. Results by base type',
    quota: '3. Quota notes',
    noQuotaWarnings: 'No base type reaches a quota limit.',
    conflicts: '4. Scoring conflicts',
    conflictSummary: '{{count}} scoring conflicts: {{resolved}} resolved, {{open}} open.',
    noConflicts: 'No scoring conflicts in this round.',
    ranking: '5. Ranking and decisions by type',
    typeHeading: '{{type}} ({{count}} bases)',
    typeFooter: '{{scored}} scored; {{unscored}} not scored; {{undecided}} undecided.',
    signatures: 'Signatures',
    preparedBy: 'Prepared by (secretariat):',
    reviewedBy: 'Reviewed by:',
    approvedBy: 'Approved by:',
    date: 'Date:',
    printedAt: 'Printed: {{at}}',
    fingerprint: 'This device’s key fingerprint: {{fingerprint}}',
    item: 'Item',
    value: 'Value',
    rule: 'Aggregation rule',
    bands: 'Grade bands',
    quotas: 'Quotas',
    bases: 'Bases',
    scoredBases: 'Scored bases',
    decidedBases: 'Final decisions',
    expertsPanels: 'Panels / experts',
    sheets: 'Expected scoresheets',
    sheetStates:
      '{{submitted}} submitted, {{draft}} drafts, {{recused}} recused, {{notStarted}} not started',
    type: 'Base type',
    count: 'Bases',
    scored: 'Scored',
    unscored: 'Not scored',
    decided: 'Decided',
    total: 'Total',
    rank: 'Rank',
    base: 'Base / host institution',
    city: 'City',
    sheetsShort: 'Sheets',
    score: 'Score',
    grade: 'Grade',
    range: 'Range',
    decision: 'Final decision',
    expert: 'Expert',
    localTotal: 'This computer',
    incomingTotal: 'Imported',
    state: 'Status',
    resolvedBy: 'Resolved by',
    open: 'Open',
    resolution: {
      local: 'Resolved: kept this computer’s version',
      incoming: 'Resolved: took the imported version',
      manual: 'Resolved: agreed scores entered',
    },
    undecided: 'Undecided',
    voided: {
      title: '6. Voided sheets',
      intro:
        'These {{count}} scoresheets were voided by changes made after the round bundles went out: kept as they are, counted in none of this report’s statistics.',
      base: 'Base / code',
      expert: 'Expert',
      panel: 'Panel',
      state: 'Sheet status',
      total: 'Total',
      kind: 'Change',
      reason: 'Reason for the change',
      by: 'By / when',
    },
  },
};
