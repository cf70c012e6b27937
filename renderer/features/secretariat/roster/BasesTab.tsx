// The roster area: the round's bases, importing a roster from Excel or CSV (button or drop),
// the template, and deleting bases while the round is being set up.
import { Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Round } from '../../../../shared/domain/types';
import { useBases, usePanels } from '../../../db/hooks';
import { BasesTable } from './BasesTable';
import { RosterImportPreview } from './RosterImportPreview';
import { rosterPermissions } from './rosterPermissions';
import { RosterToolbar } from './RosterToolbar';
import { useRosterFile } from './useRosterFile';
import type { PickedRoster } from './useRosterFile';

export const BasesTab = ({ round }: { round: Round }) => {
  const { t } = useTranslation();
  const bases = useBases(round.id);
  const panels = usePanels(round.id);
  // Numbered, so reading a file again (even the same one) starts a fresh preview.
  const [picked, setPicked] = useState<{ n: number; roster: PickedRoster } | null>(null);
  const { canImport, canDelete } = rosterPermissions(round);
  const { pick, dropTarget, isDragging, isReading } = useRosterFile((roster) =>
    setPicked((previous) => ({ n: (previous?.n ?? 0) + 1, roster })),
  );
  if (!bases || !panels) return <Spin />;
  return (
    <div
      data-testid="roster-drop-zone"
      {...(canImport ? dropTarget : {})}
      style={{
        outline: isDragging ? '2px dashed #1677ff' : undefined,
        outlineOffset: 4,
        borderRadius: 8,
      }}
      aria-label={isDragging ? t('roster.dropHere') : undefined}
    >
      <RosterToolbar
        round={round}
        baseCount={bases.length}
        onPick={() => void pick()}
        isReading={isReading}
      />
      {picked !== null && canImport ? (
        <RosterImportPreview
          key={picked.n}
          round={round}
          picked={picked.roster}
          bases={bases}
          onClose={() => setPicked(null)}
        />
      ) : null}
      <BasesTable bases={bases} panels={panels} canDelete={canDelete} />
    </div>
  );
};
