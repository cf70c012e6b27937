// Builders for the secretariat's exchange of bundles: a round with two panels (each with a
// chair, experts, bases and assignments), and the score bundle a panel laptop sends back,
// made the real way (round bundle imported on a fresh laptop, every sheet scored through the
// repositories, scores bundle signed with the laptop's key).
import type { PingguDatabase } from '../../renderer/db/database';
import {
  buildRoundBundlePayload,
  buildScoresBundlePayload,
} from '../../renderer/db/bundles/exports';
import { builtinTemplateForType } from '../../shared/domain/templates';
import type {
  Assignment,
  Base,
  Expert,
  IndicatorTemplate,
  Panel,
  Round,
} from '../../shared/domain/types';
import {
  buildAssignment,
  buildBase,
  buildExpert,
  buildPanel,
  buildRound,
  testSheetDeps,
} from './builders';
import { openTestDatabase } from './db';
import {
  importBundle,
  keyOf,
  roundBundle,
  scoresBundle,
  SECRETARIAT_DEVICE,
  valueOf,
} from './importBuilders';
import { scoreEverySheet } from './panelWorkflow';

export type ExchangeRound = {
  round: Round;
  panels: [Panel, Panel];
  experts: Expert[];
  bases: Base[];
  assignments: Assignment[];
  templates: IndicatorTemplate[];
};

/** 沈阳组 (3 experts, 2 bases) and 大连组 (2 experts, 1 base); every expert scores every base of the panel. */
export function buildExchangeRound(overrides: Partial<Round> = {}): ExchangeRound {
  const round = buildRound(overrides);
  const shenyang = buildPanel(round.id, { name: '沈阳组' });
  const dalian = buildPanel(round.id, { name: '大连组' });
  const shenyangExperts = ['李明', '王强', '张伟'].map((name) =>
    buildExpert(round.id, shenyang.id, { name }),
  );
  const dalianExperts = ['赵丽', '陈刚'].map((name) => buildExpert(round.id, dalian.id, { name }));
  const shenyangBases = [
    buildBase(round.id, { panelId: shenyang.id, name: '辽宁省先进材料重点实验室' }),
    buildBase(round.id, {
      panelId: shenyang.id,
      type: 'B4',
      legacyType: 'engineeringTechnologyCenter',
      name: '辽宁省数控机床工程技术研究中心',
    }),
  ];
  const dalianBases = [
    buildBase(round.id, { panelId: dalian.id, name: '辽宁省海洋工程重点实验室', city: '大连' }),
  ];
  const assignments = [
    ...shenyangBases.flatMap((b) => shenyangExperts.map((e) => buildAssignment(b, e))),
    ...dalianBases.flatMap((b) => dalianExperts.map((e) => buildAssignment(b, e))),
  ];
  const bases = [...shenyangBases, ...dalianBases];
  return {
    round,
    panels: [
      { ...shenyang, chairExpertId: shenyangExperts[0]?.id ?? '' },
      { ...dalian, chairExpertId: dalianExperts[0]?.id ?? '' },
    ],
    experts: [...shenyangExperts, ...dalianExperts],
    bases,
    assignments,
    templates: [...new Set(bases.map((b) => b.type))].map(builtinTemplateForType),
  };
}

export async function putExchangeRound(db: PingguDatabase, r: ExchangeRound): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await db.rounds.add(r.round);
    await db.templates.bulkPut(r.templates);
    await db.panels.bulkAdd(r.panels);
    await db.experts.bulkAdd(r.experts);
    await db.bases.bulkAdd(r.bases);
    await db.assignments.bulkAdd(r.assignments);
  });
}

export type LaptopOptions = {
  deviceId: string;
  /** Only these experts' sheets go into the bundle (default: the whole panel). */
  expertIds?: string[];
  passphrase?: string;
  /** The key the bundle is signed with (default: the one named like the device). */
  signerName?: string;
};

/** The score bundle a laptop of `panelId` sends back after scoring every sheet. */
export async function laptopScoresBundle(
  secretariat: PingguDatabase,
  r: ExchangeRound,
  panelId: string,
  options: LaptopOptions,
): Promise<Uint8Array> {
  const laptop = await openTestDatabase();
  try {
    const payload = valueOf(await buildRoundBundlePayload(secretariat, r.round.id, panelId));
    const bytes = await roundBundle(payload, {
      signer: await keyOf('secretariat'),
      deviceId: SECRETARIAT_DEVICE,
      roundId: r.round.id,
      panelId,
    });
    await importBundle(laptop, bytes, { prepare: { expectedKinds: ['round'] } });
    await scoreEverySheet(laptop, r.round.id, testSheetDeps(options.deviceId));
    const scores = valueOf(
      await buildScoresBundlePayload(laptop, r.round.id, panelId, options.expertIds),
    );
    return await scoresBundle(scores, {
      signer: await keyOf(options.signerName ?? options.deviceId),
      deviceId: options.deviceId,
      roundId: r.round.id,
      panelId,
      ...(options.passphrase === undefined ? {} : { passphrase: options.passphrase }),
    });
  } finally {
    await laptop.delete();
  }
}
