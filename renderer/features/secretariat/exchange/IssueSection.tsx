// 下发评审包: the round's panels with what each bundle would carry and what was issued last,
// an optional passphrase per panel (typed twice), and one action that writes a signed bundle
// per chosen panel into one folder. Passphrases live in this component only, never stored.
// The last issue of each panel shows its file's SHA-256, as the hand-over sheet prints it.
import { Alert, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  basesOfPanel,
  checkPassphrase,
  MIN_PASSPHRASE_LENGTH,
  panelIssueProblems,
} from '../../../../shared/domain/issue';
import type { IssueProblem } from '../../../../shared/domain/issue';
import type { Expert, Panel, Round } from '../../../../shared/domain/types';
import { FileHashText } from '../../../app/components/FileHashText';
import { ROUTES } from '../../../app/routes';
import { db } from '../../../db/instance';
import { useIssuedBundles } from '../../../db/setupHooks';
import { formatTime } from '../../backups/format';
import { IssueOutcomeView } from './IssueOutcomeView';
import { runIssue } from './runIssue';
import { useProblemText } from './useProblemText';
import type { IssueData, IssueOutcome } from './issueRoundBundles';

type Typed = { first: string; second: string };
const EMPTY: Typed = { first: '', second: '' };
const PAGE_SIZE = 20;

type PanelRow = { panel: Panel; bases: number; experts: Expert[]; problems: IssueProblem[] };

function groupByPanel<T extends { panelId: string }>(records: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const group = groups.get(record.panelId);
    if (group) group.push(record);
    else groups.set(record.panelId, [record]);
  }
  return groups;
}

export const IssueSection = ({
  round,
  data,
}: {
  round: Round;
  /** The round's issue data (useIssueData); undefined while loading. */
  data: IssueData | null | undefined;
}) => {
  const { t, i18n } = useTranslation();
  const issued = useIssuedBundles(round.id);
  const problemText = useProblemText();
  const [typed, setTyped] = useState<Record<string, Typed>>({});
  const [deselected, setDeselected] = useState<ReadonlySet<string>>(new Set());
  const [isBusy, setBusy] = useState(false);
  const [inputErrors, setInputErrors] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<IssueOutcome | null>(null);

  const rows = useMemo((): PanelRow[] => {
    if (!data) return [];
    // The panel's own assignments and experts, grouped once (both checks only look at the
    // panel's): going over all 7,000 assignments and 700 experts of a 1,000-base round again
    // for each of its 100 panels took longer than showing the tab.
    const assignmentsOf = groupByPanel(data.assignments);
    const expertsOf = groupByPanel(data.experts);
    return data.panels.map((panel) => {
      const state = {
        ...data,
        assignments: assignmentsOf.get(panel.id) ?? [],
        experts: expertsOf.get(panel.id) ?? [],
      };
      return {
        panel,
        bases: basesOfPanel(state, panel.id).length,
        experts: state.experts,
        problems: panelIssueProblems(state, panel),
      };
    });
  }, [data]);
  const isPaged = rows.length > PAGE_SIZE;
  const selected = rows.filter((r) => !deselected.has(r.panel.id)).map((r) => r.panel);
  const typedOf = (panelId: string): Typed => typed[panelId] ?? EMPTY;
  const setTypedOf = (panelId: string, change: Partial<Typed>) =>
    setTyped((all) => ({ ...all, [panelId]: { ...(all[panelId] ?? EMPTY), ...change } }));

  const issue = async (panels: readonly Panel[]) => {
    setOutcome(null);
    if (panels.length === 0) {
      setInputErrors([t('exchange.issue.noneSelected')]);
      return;
    }
    const errors: string[] = [];
    const request: { panelId: string; passphrase?: string }[] = [];
    for (const panel of panels) {
      const { first, second } = typedOf(panel.id);
      const check = checkPassphrase(first, second);
      if (!check.ok) {
        const values = { panel: panel.name, min: MIN_PASSPHRASE_LENGTH };
        errors.push(t(`exchange.issue.passphraseProblems.${check.code}`, values));
      } else {
        request.push({
          panelId: panel.id,
          ...(check.passphrase === undefined ? {} : { passphrase: check.passphrase }),
        });
      }
    }
    setInputErrors(errors);
    if (errors.length > 0) return;
    setBusy(true);
    try {
      const result = await runIssue(db, { roundId: round.id, panels: request });
      setOutcome(result);
      if (result.kind === 'issued') setTyped({});
    } finally {
      setBusy(false);
    }
  };

  const isArchived = round.archive !== undefined;
  return (
    <Card title={t('exchange.issue.title')} data-testid="issue-section">
      <Typography.Paragraph type="secondary">{t('exchange.issue.intro')}</Typography.Paragraph>
      <Table
        size="small"
        rowKey={(row) => row.panel.id}
        loading={data === undefined || issued === undefined}
        dataSource={rows}
        // 20 panels a page: a round of 100 panels would otherwise render 200 passphrase inputs
        // before the tab shows; select all (the menu at the header's box) spans every page.
        pagination={isPaged ? { pageSize: PAGE_SIZE, showSizeChanger: false } : false}
        rowSelection={{
          ...(isPaged ? { selections: [Table.SELECTION_ALL, Table.SELECTION_NONE] } : {}),
          selectedRowKeys: selected.map((p) => p.id),
          onChange: (keys) => {
            const chosen = new Set(keys.map(String));
            setDeselected(new Set(rows.map((r) => r.panel.id).filter((id) => !chosen.has(id))));
          },
        }}
        columns={[
          { title: t('exchange.issue.panel'), render: (_, row) => row.panel.name },
          { title: t('exchange.issue.bases'), dataIndex: 'bases', align: 'right' },
          {
            title: t('exchange.issue.experts'),
            align: 'right',
            render: (_, row) => row.experts.length,
          },
          {
            title: t('exchange.issue.chair'),
            render: (_, row) =>
              row.experts.find((e) => e.id === row.panel.chairExpertId)?.name ??
              t('exchange.issue.noChair'),
          },
          {
            title: t('exchange.issue.status'),
            render: (_, { problems }) =>
              problems.length === 0 ? (
                <Tag color="green">{t('exchange.issue.ready')}</Tag>
              ) : (
                <Space orientation="vertical" size={0}>
                  <Tag color="red">
                    {t('exchange.issue.problemCount', { count: problems.length })}
                  </Tag>
                  {problems.map((p) => (
                    <Typography.Text key={p.code} type="danger" style={{ fontSize: 12 }}>
                      {problemText(p)}
                    </Typography.Text>
                  ))}
                </Space>
              ),
          },
          {
            title: t('exchange.issue.lastIssued'),
            render: (_, row, index) => {
              const last = issued?.[row.panel.id];
              if (!last)
                return (
                  <Typography.Text type="secondary">{t('exchange.issue.never')}</Typography.Text>
                );
              return (
                <Space orientation="vertical" size={0} style={{ fontSize: 12 }}>
                  <span>{formatTime(last.issuedAt, i18n.language)}</span>
                  <Typography.Text code>{last.fingerprint}</Typography.Text>
                  <span>
                    {last.fileName}{' '}
                    <Tag>
                      {last.encrypted ? t('exchange.issue.encrypted') : t('exchange.issue.plain')}
                    </Tag>
                  </span>
                  <Typography.Text type="secondary">{t('fileHash.label')}</Typography.Text>
                  <FileHashText sha256={last.sha256} testId={`issued-sha256-${index + 1}`} />
                </Space>
              );
            },
          },
          {
            title: t('exchange.issue.passphrase'),
            width: 220,
            render: (_, row, index) => (
              <Space orientation="vertical" size={4}>
                <Input.Password
                  size="small"
                  autoComplete="new-password"
                  placeholder={t('exchange.issue.passphrasePlaceholder', {
                    min: MIN_PASSPHRASE_LENGTH,
                  })}
                  value={typedOf(row.panel.id).first}
                  onChange={(e) => setTypedOf(row.panel.id, { first: e.target.value })}
                  data-testid={`panel-passphrase-${index + 1}`}
                />
                <Input.Password
                  size="small"
                  autoComplete="new-password"
                  placeholder={t('exchange.issue.passphraseAgain')}
                  value={typedOf(row.panel.id).second}
                  onChange={(e) => setTypedOf(row.panel.id, { second: e.target.value })}
                  data-testid={`panel-passphrase-again-${index + 1}`}
                />
              </Space>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('exchange.issue.passphraseNote')}
      </Typography.Paragraph>
      <Space wrap>
        <Button
          type="primary"
          loading={isBusy}
          disabled={isArchived || data === undefined}
          onClick={() => void issue(selected)}
          data-testid="issue-button"
        >
          {isBusy ? t('exchange.issue.issuing') : t('exchange.issue.button')}
        </Button>
        <Typography.Text type="secondary">
          {t('exchange.issue.selected', { count: selected.length })}
        </Typography.Text>
        <Link to={ROUTES.secretariatPrintHandover} data-testid="handover-link">
          {t('exchange.issue.printHandover')}
        </Link>
      </Space>
      {inputErrors.length > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="issue-input-errors"
          title={inputErrors.map((text) => (
            <div key={text}>{text}</div>
          ))}
        />
      ) : null}
      {outcome ? <IssueOutcomeView outcome={outcome} /> : null}
    </Card>
  );
};
