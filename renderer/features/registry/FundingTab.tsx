// 后补助 (/registry/funding?round=<id>): for an accepted round, the amounts per type and grade
// (category B by default, A and C 稳定支持) and an optional total budget, the funding table
// that follows (shared/registry/funding.ts: largest remainder to whole 万元), its total, the
// Excel workbook for the finance office and a printout with signature lines
// (/registry/print/funding). Settings are saved per round (fundingRepository, audited); an
// export or printout saves pending edits first, so what leaves matches what is recorded.
import { FileExcelOutlined, PrinterOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Input, Select, Space, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import {
  computeFunding,
  DEFAULT_FUNDING_RULE,
  fundingRuleProblems,
} from '../../../shared/registry/funding';
import { fundingFileName, fundingWorkbookSheets } from '../../../shared/registry/fundingSheets';
import type { AcceptedRound, FundingRule } from '../../../shared/registry/types';
import { writeXlsx } from '../../../shared/xlsx/write';
import { ROUTES } from '../../app/routes';
import { useFundingSettings } from '../../db/fundingHooks';
import { db } from '../../db/instance';
import { useAcceptedRounds } from '../../db/registryHooks';
import { fundingRuleFor, saveFundingRule } from '../../db/repositories/fundingRepository';
import { useSaveFile } from '../secretariat/desktopFiles';
import { useOperatorName } from '../secretariat/results/useOperatorName';
import { FundingRuleEditor } from './funding/FundingRuleEditor';
import { formatWan, FundingTableView } from './funding/FundingTableView';
import { actorOf, registryClock } from './registryRuntime';

const sameRule = (a: FundingRule, b: FundingRule): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

/** The round of `?round=`, else the newest accepted one. */
function chosenRound(
  rounds: readonly AcceptedRound[],
  id: string | null,
): AcceptedRound | undefined {
  return rounds.find((round) => round.roundId === id) ?? rounds[0];
}

export const FundingTab = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const saveFile = useSaveFile();
  const [params, setParams] = useSearchParams();
  const rounds = useAcceptedRounds();
  const settings = useFundingSettings();
  const [operator, setOperator] = useOperatorName();
  const [draft, setDraft] = useState<{ roundId: string; rule: FundingRule } | null>(null);
  const [busy, setBusy] = useState<'save' | 'export' | 'print' | null>(null);

  const round = rounds ? chosenRound(rounds, params.get('round')) : undefined;
  const saved = round && settings ? fundingRuleFor(settings, round.roundId) : undefined;
  const rule = draft !== null && draft.roundId === round?.roundId ? draft.rule : saved;
  const problems = useMemo(() => (rule ? fundingRuleProblems(rule) : []), [rule]);
  const table = useMemo(
    () => (round && rule && problems.length === 0 ? computeFunding(round, rule) : undefined),
    [round, rule, problems],
  );

  if (rounds === undefined || settings === undefined) {
    return <Spin description={t('registry.funding.loading')} />;
  }
  if (!round || !rule || !saved) {
    return <Empty description={t('registry.funding.noRounds')} data-testid="funding-empty" />;
  }
  const isDirty = !sameRule(rule, saved);

  /** Saves pending edits; false when they were refused (the reason is shown). */
  const persist = async (): Promise<boolean> => {
    if (!isDirty) return true;
    const result = await saveFundingRule(
      db,
      { roundId: round.roundId, rule, actor: actorOf(operator) },
      registryClock,
    );
    if (!result.ok) {
      message.error(t('registry.funding.saveFailed', { message: result.error.message }));
      return false;
    }
    // The draft stays: it equals the saved rule once the live query brings it back.
    return true;
  };

  const run = async (kind: 'save' | 'export' | 'print', action: () => Promise<void>) => {
    setBusy(kind);
    try {
      await action();
    } finally {
      setBusy(null);
    }
  };

  const save = () =>
    run('save', async () => {
      if (await persist()) message.success(t('registry.funding.saved'));
    });

  const exportExcel = () =>
    run('export', async () => {
      if (!table || !(await persist())) return;
      const sheets = fundingWorkbookSheets({
        round,
        table,
        rule,
        generatedAt: registryClock.now(),
      });
      await saveFile(
        { suggestedName: fundingFileName(round), kind: 'xlsx', bytes: writeXlsx(sheets) },
        {
          saved: t('registry.funding.exported'),
          failed: (reason) => t('registry.funding.exportFailed', { message: reason }),
        },
      );
    });

  const print = () =>
    run('print', async () => {
      if (!table || !(await persist())) return;
      const search = `?${new URLSearchParams({ round: round.roundId }).toString()}`;
      await navigate({ pathname: ROUTES.registryPrintFunding, search });
    });

  return (
    <div data-testid="registry-funding">
      <Typography.Paragraph type="secondary">{t('registry.funding.hint')}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }} wrap>
        <Typography.Text>{t('registry.funding.round')}</Typography.Text>
        <Select
          value={round.roundId}
          options={rounds.map((r) => ({
            value: r.roundId,
            label: t('registry.funding.roundValue', {
              year: r.year,
              name: r.name,
              version: r.version,
            }),
          }))}
          onChange={(roundId: string) => setParams({ round: roundId }, { replace: true })}
          style={{ minWidth: 360 }}
          data-testid="funding-round"
        />
      </Space>
      <Card title={t('registry.funding.ruleTitle')} style={{ marginBottom: 16 }}>
        <FundingRuleEditor
          rule={rule}
          onChange={(next) => setDraft({ roundId: round.roundId, rule: next })}
        />
        <Space style={{ marginTop: 16 }} wrap>
          <Typography.Text>{t('registry.funding.operator')}</Typography.Text>
          <Input
            value={operator}
            onChange={(event) => setOperator(event.target.value)}
            placeholder={t('registry.funding.operatorPlaceholder')}
            style={{ width: 200 }}
            data-testid="funding-operator"
          />
          <Button
            type="primary"
            icon={<SaveOutlined />}
            disabled={!isDirty}
            loading={busy === 'save'}
            onClick={() => void save()}
            data-testid="funding-save"
          >
            {t('registry.funding.save')}
          </Button>
          <Button
            icon={<UndoOutlined />}
            onClick={() =>
              setDraft({
                roundId: round.roundId,
                rule: {
                  ...DEFAULT_FUNDING_RULE,
                  ...(rule.budget === undefined ? {} : { budget: rule.budget }),
                },
              })
            }
            data-testid="funding-reset"
          >
            {t('registry.funding.reset')}
          </Button>
          {isDirty ? (
            <Typography.Text type="warning" data-testid="funding-unsaved">
              {t('registry.funding.unsaved')}
            </Typography.Text>
          ) : null}
        </Space>
      </Card>
      {problems.length > 0 ? (
        <Alert
          type="error"
          showIcon
          title={t('registry.funding.problems')}
          description={problems.join(' ')}
          data-testid="funding-problems"
        />
      ) : null}
      {table ? (
        <Card
          title={t('registry.funding.tableTitle')}
          extra={
            <Space>
              <Button
                icon={<FileExcelOutlined />}
                loading={busy === 'export'}
                onClick={() => void exportExcel()}
                data-testid="funding-export"
              >
                {t('registry.funding.export')}
              </Button>
              <Button
                icon={<PrinterOutlined />}
                loading={busy === 'print'}
                onClick={() => void print()}
                data-testid="funding-print"
              >
                {t('registry.funding.print')}
              </Button>
            </Space>
          }
        >
          <Typography.Paragraph data-testid="funding-basis">
            {rule.budget === undefined
              ? t('registry.funding.totalLine', { total: formatWan(table.total) })
              : table.rows.some((row) => row.kind === 'subsidy' && row.baseAmount > 0)
                ? t('registry.funding.budgetLine', {
                    budget: rule.budget,
                    total: formatWan(table.total),
                  })
                : t('registry.funding.noSubsidy')}
          </Typography.Paragraph>
          <FundingTableView table={table} />
        </Card>
      ) : null}
    </div>
  );
};
