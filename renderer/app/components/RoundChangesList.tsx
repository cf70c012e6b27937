// The round changes (轮次变更) a round or result bundle carries, as one list in both previews
// of a bundle (the scoring screen's and the window-wide import dialog's): each change's kind,
// what it concerns by name, its reason, who made it and when, undone ones marked; then how
// many sheets on this machine the import voids (作废).
import { Alert, Tag, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangePreview, ChangesPreview } from '../../db/bundles';

const timeOf = (iso: string, language: string): string => {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  return time.toLocaleString(language === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
};

const ChangeItem = ({ change }: { change: ChangePreview }) => {
  const { t, i18n } = useTranslation();
  const at = (iso: string) => timeOf(iso, i18n.language);
  const concerns = [
    change.expert === undefined ? null : t('voided.expert', { name: change.expert }),
    change.replacement === undefined ? null : t('voided.replacement', { name: change.replacement }),
    change.base === undefined ? null : t('voided.base', { name: change.base }),
    change.fromPanel === undefined ? null : t('voided.fromPanel', { name: change.fromPanel }),
    change.toPanel === undefined ? null : t('voided.toPanel', { name: change.toPanel }),
    change.voids > 0 ? t('voided.voids', { count: change.voids }) : null,
  ].filter((line) => line !== null);
  return (
    <li
      data-testid="bundle-change"
      data-kind={change.kind}
      data-undone={change.undone === undefined ? undefined : 'true'}
      style={{ marginBottom: 6 }}
    >
      <Tag color={change.undone === undefined ? 'orange' : 'default'}>
        {t(`voided.kinds.${change.kind}`)}
      </Tag>
      {change.undone === undefined ? null : <Tag>{t('voided.undoneTag')}</Tag>}
      <Typography.Text delete={change.undone !== undefined}>{concerns.join('；')}</Typography.Text>
      {change.status === 'unchanged' ? null : (
        <Tag color="blue" style={{ marginInlineStart: 8 }}>
          {t(`voided.status.${change.status}`)}
        </Tag>
      )}
      <div>
        <Typography.Text>{t('voided.reason', { reason: change.reason })}</Typography.Text>
        <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
          {t('voided.madeBy', { actor: change.actor, at: at(change.at) })}
        </Typography.Text>
      </div>
      {change.undone === undefined ? null : (
        <Typography.Text type="secondary">
          {t('voided.undone', {
            actor: change.undone.actor,
            at: at(change.undone.at),
            reason: change.undone.reason,
          })}
        </Typography.Text>
      )}
    </li>
  );
};

/** Nothing when the bundle carries no change. */
export const RoundChangesList = ({
  changes,
  style,
}: {
  changes: ChangesPreview;
  style?: CSSProperties;
}) => {
  const { t } = useTranslation();
  if (changes.items.length === 0) return null;
  return (
    <Alert
      style={style}
      type="warning"
      showIcon
      data-testid="bundle-changes"
      title={t('voided.listTitle', { count: changes.items.length })}
      description={
        <>
          <ul style={{ paddingInlineStart: 0, listStyle: 'none', margin: 0 }}>
            {changes.items.map((change) => (
              <ChangeItem key={change.id} change={change} />
            ))}
          </ul>
          {changes.voidedSheets > 0 ? (
            <Typography.Text strong data-testid="bundle-voided-here">
              {t('voided.voidedHere', { count: changes.voidedSheets })}
            </Typography.Text>
          ) : null}
        </>
      }
    />
  );
};
