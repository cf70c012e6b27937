// One sentence per readiness problem of a panel, in the interface language.
import { useTranslation } from 'react-i18next';
import type { IssueProblem } from '../../../../shared/domain/issue';

export function useProblemText(): (problem: IssueProblem) => string {
  const { t } = useTranslation();
  return (problem) => {
    switch (problem.code) {
      case 'unassignedBases':
        return t('exchange.issue.problems.unassignedBases', {
          count: problem.bases.length,
          names: problem.bases.join('、'),
        });
      case 'missingTemplates':
        return t('exchange.issue.problems.missingTemplates', { types: problem.types.join('、') });
      default:
        return t(`exchange.issue.problems.${problem.code}`);
    }
  };
}
