// Node side of the closing e2e: a small issued round as a secretariat holds it, written as a
// backup bundle with the real createBundle, to be restored on a fresh profile. One panel of
// three experts scores three key laboratories: every sheet submitted except 王强's for the
// third base (never started), one conflict open on 张伟's sheet for the first base, and no
// decision yet. So closing is refused for 1 + 3 + 1 = 5 reasons.
import { createBundle } from '../../../shared/bundle/bundle';
import { generateSigningKeyPair } from '../../../shared/bundle/bundleCrypto';
import { formatHlc } from '../../../shared/domain/hlc';
import { builtinTemplateForType, secondaryIndicators } from '../../../shared/domain/templates';
import type { ConflictRecord, Scoresheet } from '../../../shared/domain/types';
import {
  buildAssignment,
  buildBase,
  buildExpert,
  buildPanel,
  buildRound,
  buildScoresheet,
} from '../../helpers/builders';

const CREATED_AT = '2024-05-20T08:00:00.000Z';

export const CLOSING_ROUND_NAME = '2024年度结束评估演练';

export type ClosingRound = {
  backup: Uint8Array;
  baseNames: string[];
  /** Who has not started, and which base. */
  missing: { expert: string; base: string };
};

export async function closingRound(): Promise<ClosingRound> {
  const crypto = globalThis.crypto;
  const round = buildRound({
    status: 'issued',
    name: CLOSING_ROUND_NAME,
    aggregation: { method: 'mean', trimCount: 1, trimMinSheets: 5 },
  });
  const panel = buildPanel(round.id, { name: '沈阳组' });
  const experts = ['张伟', '李娜', '王强'].map((name, i) =>
    buildExpert(round.id, panel.id, {
      name,
      institution: ['东北大学', '大连理工大学', '辽宁大学'][i],
    }),
  );
  const chaired = { ...panel, chairExpertId: experts[0]?.id ?? '' };
  const template = builtinTemplateForType('A1');
  const indicators = secondaryIndicators(template);
  const bases = [
    '辽宁省先进材料重点实验室',
    '辽宁省智能制造重点实验室',
    '辽宁省海洋工程重点实验室',
  ].map((name, i) => buildBase(round.id, { panelId: panel.id, name, code: `LN-A1-E2E-${i + 1}` }));
  const assignments = bases.flatMap((b) => experts.map((e) => buildAssignment(b, e)));
  const ms = Date.parse(CREATED_AT);
  const sheets: Scoresheet[] = [];
  bases.forEach((base, i) =>
    experts.forEach((expert, j) => {
      if (i === 2 && j === 2) return;
      const fraction = 0.6 + ((i + j) % 4) / 10;
      sheets.push(
        buildScoresheet(base, expert, {
          status: 'submitted',
          submittedAt: CREATED_AT,
          scores: Object.fromEntries(
            indicators.map((s) => [s.id, Math.round(s.maxPoints * fraction * 2) / 2]),
          ),
          overallComment: '总体良好。',
          revision: 2,
          deviceId: 'laptop-shenyang',
          hlc: formatHlc({ ms: ms + sheets.length, counter: 0, deviceId: 'laptop-shenyang' }),
          updatedAt: CREATED_AT,
        }),
      );
    }),
  );
  const shown = sheets[0];
  const firstIndicator = indicators[0];
  if (!shown || !firstIndicator) throw new Error('closing round data');
  const conflict: ConflictRecord = {
    id: 'conflict-e2e-closing',
    roundId: round.id,
    scoresheetId: shown.id,
    local: shown,
    incoming: {
      ...shown,
      scores: { ...shown.scores, [firstIndicator.id]: 0 },
      revision: 3,
      deviceId: 'laptop-backup',
      hlc: formatHlc({ ms: ms + 100, counter: 0, deviceId: 'laptop-backup' }),
    },
    detectedAt: CREATED_AT,
    sourceImportId: 'import-e2e',
  };
  const backup = await createBundle({
    kind: 'backup',
    roundId: round.id,
    deviceId: 'closing-secretariat',
    appVersion: '0.1.0',
    createdAt: CREATED_AT,
    crypto,
    signer: await generateSigningKeyPair(crypto),
    payload: {
      rounds: [round],
      templates: [template],
      bases,
      panels: [chaired],
      experts,
      assignments,
      scoresheets: sheets,
      decisions: [],
      changes: [],
      registryRounds: [],
      registryApprovals: [],
      registryHistory: [],
      conflicts: [conflict],
      imports: [],
      audit: [],
      settings: [
        { key: 'deviceId', value: 'closing-secretariat' },
        { key: 'currentRoundId', value: round.id },
      ],
    },
  });
  const missingBase = bases[2];
  const missingExpert = experts[2];
  if (!missingBase || !missingExpert) throw new Error('closing round data');
  return {
    backup,
    baseNames: bases.map((b) => b.name),
    missing: { expert: missingExpert.name, base: missingBase.name },
  };
}
