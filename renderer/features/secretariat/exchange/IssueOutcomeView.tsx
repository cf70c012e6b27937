// What issuing did: the bundles written (where, signed with which key, templates frozen),
// the panels that were not ready (nothing written), a cancel or a failure.
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ROUTES } from '../../../app/routes';
import type { IssueOutcome } from './issueRoundBundles';
import { useProblemText } from './useProblemText';

export const IssueOutcomeView = ({ outcome }: { outcome: IssueOutcome }) => {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const style = { marginTop: 12 };
  switch (outcome.kind) {
    case 'cancelled':
      return <Alert type="info" showIcon style={style} title={t('exchange.issue.cancelled')} />;
    case 'failed':
      return (
        <Alert
          type="error"
          showIcon
          style={style}
          data-testid="issue-failed"
          title={t('exchange.issue.failed', { message: outcome.message })}
        />
      );
    case 'notReady':
      return (
        <Alert
          type="error"
          showIcon
          style={style}
          data-testid="issue-not-ready"
          title={t('exchange.issue.notReadyTitle')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {outcome.panels.map(({ panel, problems }) => (
                <li key={panel.id}>
                  {panel.name}：{problems.map(problemText).join('；')}
                </li>
              ))}
            </ul>
          }
        />
      );
    case 'issued': {
      const [first] = outcome.bundles;
      return (
        <Alert
          type="success"
          showIcon
          style={style}
          data-testid="issue-done"
          title={t('exchange.issue.doneTitle', { count: outcome.bundles.length })}
          description={
            <div>
              <div>
                {outcome.folder === undefined
                  ? t('exchange.issue.doneDownloads')
                  : t('exchange.issue.doneFolder', { folder: outcome.folder })}
              </div>
              <div>
                {t('exchange.issue.doneFiles', {
                  names: outcome.bundles.map((b) => b.fileName).join('、'),
                })}
              </div>
              {first ? (
                <div>{t('exchange.issue.signedBy', { fingerprint: first.fingerprint })}</div>
              ) : null}
              {outcome.summary.frozenTemplateIds.length > 0 ? (
                <div>
                  {t('exchange.issue.frozen', {
                    count: outcome.summary.frozenTemplateIds.length,
                  })}
                </div>
              ) : null}
              <Link to={ROUTES.secretariatPrintHandover}>{t('exchange.issue.printHandover')}</Link>
            </div>
          }
        />
      );
    }
  }
};
