// Starting a round from the department's registry bundle (省厅名单包): open the file's bytes
// with every check a bundle gets (size limits, entry names, hashes, signature, schema; and
// only the `registry` kind), then summarise what it holds for the wizard's preview (bases
// per type, purpose, year) and propose the round's name and type. Revoked and merged bases
// never go out in a registry bundle (shared/registry/selection.ts); a file that carries one
// is refused rather than evaluated. Pure: the crypto comes in as a parameter.
import { openBundle } from '../bundle/bundle';
import type { WebCryptoLike } from '../bundle/cryptoTypes';
import { fileSha256 } from '../bundle/fileHash';
import { suggestRoundName } from '../domain/roundSetup';
import { BASE_TYPE_CODES } from '../domain/taxonomy';
import type { BaseTypeCode, EvaluationType } from '../domain/types';
import type { RegistryPayload, RegistrySelection } from '../registry/types';

export type RegistryContents = RegistryPayload['registry'];

export type RegistrySummary = {
  total: number;
  /** Bases per type, in the taxonomy's order, types without bases left out. */
  byType: { type: BaseTypeCode; count: number }[];
  /** Bases that bring at least one earlier round. */
  withHistory: number;
  /** Bases under rectification (限期整改) among them. */
  rectifying: number;
  purpose: RegistrySelection['purpose'];
  year: number;
  title: string;
};

/** What the wizard fills in for a round started from the bundle. */
export type RegistryRoundPreset = {
  name: string;
  year: number;
  evaluationType: EvaluationType;
};

/** A verified registry bundle, ready for the preview and the round's creation. */
export type RegistrySource = {
  fileName: string;
  /** SHA-256 of the file's bytes (lower-case hex), kept with each history line. */
  sha256: string;
  /** The signing key's fingerprint, for the person to compare with the department's. */
  fingerprint: string;
  /** When the department wrote it (the manifest's time). */
  createdAt: string;
  registry: RegistryContents;
  summary: RegistrySummary;
  preset: RegistryRoundPreset;
};

export type RegistrySourceResult =
  { ok: true; source: RegistrySource } | { ok: false; message: string; messageEn: string };

const refused = (message: string, messageEn: string): RegistrySourceResult => ({
  ok: false,
  message,
  messageEn,
});

/** A 复评 round's name: `2025年度省级科技创新基地复评`. */
export function followUpRoundName(year: number): string {
  return `${year}年度省级科技创新基地复评`;
}

/** The round a registry bundle proposes: a periodic evaluation, or its follow-up (复评). */
export function presetOf(registry: RegistryContents): RegistryRoundPreset {
  const { year } = registry;
  const name =
    registry.selection.purpose === 'followUp'
      ? followUpRoundName(year)
      : suggestRoundName(year, 'periodic');
  return { name, year, evaluationType: 'periodic' };
}

export function summariseRegistry(registry: RegistryContents): RegistrySummary {
  const counts = new Map<BaseTypeCode, number>();
  for (const base of registry.bases) counts.set(base.type, (counts.get(base.type) ?? 0) + 1);
  return {
    total: registry.bases.length,
    byType: BASE_TYPE_CODES.filter((type) => counts.has(type)).map((type) => ({
      type,
      count: counts.get(type) ?? 0,
    })),
    withHistory: registry.bases.filter((base) => base.history.length > 0).length,
    rectifying: registry.bases.filter((base) => base.status === 'rectifying').length,
    purpose: registry.selection.purpose,
    year: registry.year,
    title: registry.title,
  };
}

/** Why the registry's roster cannot become a round, if it cannot. */
function rosterRefusal(fileName: string, registry: RegistryContents): RegistrySourceResult | null {
  if (registry.bases.length === 0) {
    return refused(
      `文件“${fileName}”：名单包中没有任何基地，无法据此创建评估轮次。`,
      `File "${fileName}": the registry bundle holds no base; no round can be created from it.`,
    );
  }
  const gone = registry.bases.find((b) => b.status === 'revoked' || b.status === 'merged');
  if (gone !== undefined) {
    const zh = gone.status === 'revoked' ? '已撤销' : '已并入其他基地';
    const en = gone.status === 'revoked' ? 'was revoked' : 'was merged into another base';
    return refused(
      `文件“${fileName}”：名单包中的基地“${gone.name}”（${gone.code}）${zh}，不能参加评估。请向省科技厅重新索取名单包。`,
      `File "${fileName}": the base "${gone.name}" (${gone.code}) ${en} and cannot be evaluated; ask the department for a new registry bundle.`,
    );
  }
  return null;
}

/** Opens and checks a registry bundle's bytes; never throws. */
export async function openRegistrySource(
  bytes: Uint8Array,
  fileName: string,
  deps: { crypto: WebCryptoLike },
): Promise<RegistrySourceResult> {
  const opened = await openBundle(bytes, { crypto: deps.crypto, expectedKinds: ['registry'] });
  if (!opened.ok) {
    if (opened.error.code === 'wrongKind') {
      return refused(
        `文件“${fileName}”：这不是省厅名单包。请选择省科技厅下发的名单包（.pgb），而不是评审任务包、评分包、结果包或备份包。`,
        `File "${fileName}": this is not a registry bundle; choose the registry bundle (.pgb) the department sent.`,
      );
    }
    return refused(
      `文件“${fileName}”：${opened.error.message}`,
      `File "${fileName}": ${opened.error.messageEn}`,
    );
  }
  if (opened.kind !== 'registry') {
    return refused(
      `文件“${fileName}”：这不是省厅名单包。`,
      `File "${fileName}": not a registry bundle.`,
    );
  }
  const { registry } = opened.payload;
  const refusal = rosterRefusal(fileName, registry);
  if (refusal !== null) return refusal;
  let sha256: string;
  try {
    sha256 = await fileSha256(deps.crypto, bytes);
  } catch {
    return refused(
      `文件“${fileName}”：无法计算文件的 SHA-256，请重试。`,
      `File "${fileName}": its SHA-256 could not be computed; try again.`,
    );
  }
  return {
    ok: true,
    source: {
      fileName,
      sha256,
      fingerprint: opened.signer.fingerprint,
      createdAt: opened.manifest.createdAt,
      registry,
      summary: summariseRegistry(registry),
      preset: presetOf(registry),
    },
  };
}
