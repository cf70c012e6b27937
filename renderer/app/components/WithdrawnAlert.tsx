// What a re-issued round bundle withdraws from a panel laptop (bases, experts, assignments)
// and what it keeps because a sheet was started on it: shown in both previews of a round
// bundle, the scoring screen's and the window-wide import dialog's.
import { Alert } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterWithdrawal } from '../../db/bundles';

/** What a re-issued round bundle withdraws from this laptop, and what it keeps for its sheets. */
export const WithdrawnAlert = ({
  withdrawn,
  style,
}: {
  withdrawn: RosterWithdrawal;
  style?: CSSProperties;
}) => {
  const { t } = useTranslation();
  const { bases, experts, assignments, keptScored } = withdrawn;
  if (bases.length + experts.length + assignments + keptScored === 0) return null;
  const lines = [
    bases.length > 0 ? t('scoring.bundle.withdrawnBases', { names: bases.join('、') }) : null,
    experts.length > 0 ? t('scoring.bundle.withdrawnExperts', { names: experts.join('、') }) : null,
    assignments > 0 ? t('scoring.bundle.withdrawnAssignments', { count: assignments }) : null,
  ].filter((line) => line !== null);
  return (
    <Alert
      style={style}
      type="warning"
      showIcon
      data-testid="bundle-withdrawn"
      title={lines.length > 0 ? t('scoring.bundle.withdrawnTitle') : undefined}
      description={
        <>
          {lines.map((line) => (
            <div key={line}>{line}</div>
          ))}
          {keptScored > 0 ? (
            <div>{t('scoring.bundle.keptScored', { count: keptScored })}</div>
          ) : null}
        </>
      }
    />
  );
};
