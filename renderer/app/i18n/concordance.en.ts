// English strings of the per-panel Kendall's W table; typed against the Chinese catalogue.
import type { Catalogue } from './zh-CN';

export const concordanceEn: Catalogue['concordance'] = {
  title: 'Agreement of each panel’s ranking (Kendall’s W)',
  panel: 'Panel',
  w: 'W',
  block: 'Computed on',
  blockSize: '{{experts}} experts × {{bases}} bases',
  dropped: 'Left out: {{what}} (recusals or sheets not submitted)',
  droppedExperts: '{{count}} experts',
  droppedBases: '{{count}} bases',
  reading: 'Reading',
  readings: {
    good: 'Good agreement',
    fair: 'Fair agreement',
    poor: 'Poor agreement',
  },
  notComputable: 'Cannot be computed',
  gaps: {
    noRatings: 'No submitted scoresheet in this panel yet',
    tooFewExperts: 'Fewer than 2 experts scored the same bases',
    tooFewBases: 'Fewer than 2 bases were scored by every expert',
    allTied: 'Every expert gave all bases the same total: no ranking to compare',
  },
  note: 'W measures whether a panel’s experts rank the panel’s bases alike: 1 is complete agreement, 0 none. It covers all of a panel’s bases, whatever the filters; tied totals share a mid-rank with the tie correction; with recusals or unsubmitted sheets it is computed on the largest block of experts × bases everyone scored, nothing filled in. W ≥ 0.7 good, 0.5–0.7 fair, < 0.5 poor (a common rule of thumb; the evaluation rules set no threshold).',
};
