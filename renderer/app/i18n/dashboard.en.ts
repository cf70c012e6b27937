// The chair's dashboard strings in English; the type makes it carry every key of
// dashboard.zh-CN.ts.
import type { Catalogue } from './zh-CN';

export const dashboardEn = {
  title: "Chair's dashboard",
  intro:
    "Aggregated scores, grades and ranks under the round's rule; every chart follows the filters above.",
  chooseType: 'Base type',
  chooseScope: 'Choose a base type or a category to see a ranking',
  chooseBase: 'Choose a base',
  rank: 'Rank in type',
  rankInCategory: 'Rank in category',
  score: 'Aggregate',
  grade: 'Grade',
  experts: 'Valid sheets',
  range: 'Range',
  disagreement: 'Experts disagree widely',
  noScores: 'No submitted scores yet',
  chartTitle: 'Ranking: {{type}}',
  tabs: {
    ranking: 'Ranking',
    profile: 'Base profile',
    spread: 'Expert spread',
    leniency: 'Expert leniency',
    methods: 'Method comparison',
    overview: 'Overview',
    history: 'History',
  },
  filters: {
    round: 'Round',
    panel: 'Panel',
    category: 'Category',
    city: 'City',
    method: 'Aggregation',
    ruleMethod: "Round's rule ({{method}})",
  },
  export: {
    failed: 'Could not export the image: {{message}}',
  },
  print: {
    open: 'Print dashboard',
    back: 'Back to the dashboard',
    print: 'Print',
    hint: 'One chart per A4 landscape page; tick "Background graphics" in the print dialog to keep the colours.',
  },
  ranking: {
    legendQuota: '◆ Quota',
    legendDisagreement: '! Disagreement',
    tooltipScore: 'Aggregate {{score}}, {{grade}}',
    tooltipRank: 'Rank {{rank}} of {{of}}',
    tooltipSheets: '{{count}} valid sheets, {{method}}',
    quotaMark: {
      overExcellentCeiling: '◆ Ranked beyond the Excellent ceiling',
      rectifyFloorShortfall: '◆ Within the Rectify + Fail floor by rank',
    },
    quotaWarning: {
      excellentOverCeiling:
        '{{type}}: {{count}} Excellent ({{share}}%), above the {{limit}}% ceiling (quotas flag; grades are not changed)',
      rectifyOrFailUnderFloor:
        '{{type}}: {{count}} Rectify or Fail ({{share}}%), below the {{limit}}% floor (quotas flag; grades are not changed)',
    },
    unscored: '{{count}} bases without a valid sheet are not ranked: {{names}}',
  },
  profile: {
    thisBase: 'This base',
    typeAverage: 'Type average',
    typeMean: 'Type mean score',
    aggregate: 'Aggregate',
    expertTotal: 'Expert total',
    radarShort: 'Secondary indicators, % of maximum',
    radarTitle: '{{name}}: secondary indicators, % of maximum',
    barsTitle: '{{name}}: indicators, % of maximum against the type',
    dotsShort: "Each expert's total",
    dotsTitle: "{{name}}: each expert's total",
    tooltipBase: 'This base {{points}} of {{max}} ({{percent}})',
    tooltipType: 'Type average {{percent}} ({{count}} bases)',
    tooltipExpert: 'Total {{total}}',
    definition:
      "% of maximum = the mean of the experts' points on the indicator ÷ its maximum; the type average is the mean of the type's bases (each base counts once). The aggregate follows the round's rule.",
  },
  spread: {
    title: 'Expert totals per base ({{count}} bases, {{flagged}} disputed)',
    legendBox: 'Quartile box (Q1–Q3)',
    legendMedian: 'Median',
    legendWhisker: 'Min–max',
    legendExpert: 'Expert total',
    legendDisagreement: 'Disputed',
    tooltipFive: 'Min {{min}} · Q1 {{q1}} · median {{median}} · Q3 {{q3}} · max {{max}}',
    tooltipRange: 'Range {{range}}, {{n}} valid sheets',
    definition:
      'Quartiles by linear interpolation (as Excel / WPS QUARTILE.INC). Bases whose range exceeds {{range}} points are flagged as disputed (red).',
  },
  leniency: {
    title: 'Expert leniency: difference from the other experts on the same bases',
    legendBand: 'Normal ±{{width}}',
    legendLenient: 'Lenient',
    legendStrict: 'Strict',
    legendNormal: 'Normal',
    bandFixed: 'Normal band ±{{points}} points',
    bandSd: 'Normal band ±{{k}} SD',
    tooltip: 'Mean {{value}} points ({{count}} bases compared)',
    direction: {
      lenient: 'Lenient: outside the normal band',
      strict: 'Strict: outside the normal band',
      normal: 'Within the normal band',
    },
    tooFew: 'Compared on fewer than {{min}} bases: not judged',
    outliers: '{{count}} experts score outside the normal band',
    noOutliers: 'Every expert is within the normal band',
    outlierLine: {
      lenient:
        '{{name}} ({{panel}}): on average {{value}} points above the other experts ({{count}} bases)',
      strict:
        '{{name}} ({{panel}}): on average {{value}} points below the other experts ({{count}} bases)',
    },
    zHint: 'Where leniency differs widely, the method comparison shows what z-scores would change.',
    definition:
      "Leniency = the mean, over the bases an expert scored, of their total minus the other experts' mean total there (+ lenient, − strict). {{band}}; experts compared on fewer than {{min}} bases are not judged.",
  },
  methods: {
    title: '{{scope}}: ranks under each aggregation method',
    short: {
      mean: 'Mean',
      median: 'Median',
      trimmedMean: 'Trimmed mean',
      zScore: 'z-score',
    },
    legendGrade: 'Grade depends on the method',
    legendRank: 'Rank changes only',
    legendSame: 'Unchanged',
    shift: 'Rank shift',
    summaryChanges:
      'The grade of {{count}} bases depends on the method ({{moved}} of {{total}} change rank); worth discussing:',
    summaryNone:
      'Every base keeps its grade under all three methods ({{moved}} of {{total}} change rank).',
    definition:
      "Each line is a base; dots are coloured by the grade under that method. Trimmed mean: drop the highest and lowest score when enough sheets are valid, else the mean. z-score: each expert's totals standardised by their own mean and SD, mapped back to the round's scale.",
  },
  overview: {
    bases: 'Bases',
    scored: 'With an aggregate',
    unscored: 'Unscored',
    count: 'Bases',
    topCities: 'Share of {{cities}}',
    cityMean: 'City mean',
    by: {
      category: 'By category',
      type: 'By base type',
      grade: 'By grade',
      city: 'By city',
    },
    cityTypeTitle: 'City × base type: mean aggregate (number of bases in brackets)',
    dispositionTitle: "Dispositions: experts' recommendations and the secretariat's decisions",
    recommended: 'Recommended by experts',
    decided: 'Decided by the secretariat',
    dispositionNote:
      'Recommendations from valid submitted sheets ({{recommendations}}); decisions from final decisions ({{decisions}}); each as a share of its own total.',
  },
  history: {
    title: '{{name}}: scores across rounds',
    legendScore: "Aggregate (that round's rule)",
    legendGrades: 'Grade thresholds',
    tooltipScore: '{{score}}, {{grade}} ({{method}})',
    decision: 'Secretariat: {{decision}}',
    nameThen: 'Name then',
    decisionColumn: 'Secretariat decision',
    definition:
      "The same base is found in each round by its registry code; each round's score follows that round's own rule and grade bands.",
  },
  voided: {
    title: 'Voided scoresheets',
    count: '{{count}} sheets',
    intro:
      'These scoresheets were voided by changes made after the round bundles went out (an expert replaced, a base withdrawn or moved, a conflict declared): kept for reference, counted in none of the charts above.',
    hidden: '{{count}} more are outside the current filters.',
    noneInView: 'No voided scoresheets within the current filters ({{total}} in the whole round).',
    base: 'Base',
    expert: 'Expert',
    kind: 'Change',
    reason: 'Reason',
    at: 'Changed at',
  },
} satisfies Catalogue['dashboard'];
