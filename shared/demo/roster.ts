// The demo registry: about 120 bases with stable codes, spread over the 9 types (many A1,
// B1, B4; few B2, B3, C) and the 15 cities (沈阳 and 大连 dominant). Each base carries a
// latent quality that drives its scores, so charts show a believable spread.
import type { BaseTypeCode, CityName, LegacyTypeCode } from '../domain/types';
import {
  DOMAIN_LABELS,
  FIELDS_BY_TYPE,
  FIXED_C_BASES,
  LEGACY_SOURCES,
  LEGACY_SUFFIX,
  TYPE_SUFFIX,
} from './fields';
import type { FieldEntry } from './fields';
import { HOSTS } from './institutions';
import type { Institution, InstitutionKind } from './institutions';
import { distinctNames } from './names';
import { clamp, compareText } from './random';
import type { Rng } from './random';

export type RegistryBase = {
  code: string;
  type: BaseTypeCode;
  legacyType?: LegacyTypeCode;
  /** Name since the 2019 integration. */
  name: string;
  /** Name before it (legacy type written out); equals `name` for B2. */
  legacyName: string;
  host: string;
  city: CityName;
  director: string;
  yearEstablished: number;
  field: string;
  /** Latent quality on a 0–100 scale for the current round. */
  quality: number;
  /** Per primary indicator (by position): strength relative to the base's quality. */
  profile: number[];
};

export const TYPE_COUNTS: Readonly<Record<BaseTypeCode, number>> = {
  A1: 36,
  B1: 22,
  B2: 4,
  B3: 6,
  B4: 28,
  B5: 14,
  C1: 2,
  C2: 5,
  C3: 3,
};

/** How many bases each city holds: 沈阳 and 大连 about two thirds, every city at least one. */
export const CITY_QUOTAS: Readonly<Record<CityName, number>> = {
  沈阳: 46,
  大连: 34,
  鞍山: 6,
  抚顺: 4,
  本溪: 3,
  丹东: 3,
  锦州: 5,
  营口: 3,
  阜新: 3,
  辽阳: 2,
  盘锦: 3,
  铁岭: 2,
  朝阳: 2,
  葫芦岛: 2,
  沈抚新区: 2,
};

/** Which kinds of host each type draws from, with weights. */
const HOST_KINDS: Readonly<
  Partial<Record<BaseTypeCode, Partial<Record<InstitutionKind, number>>>>
> = {
  A1: { university: 5, cas: 4, hospital: 2, enterprise: 1 },
  B1: { university: 3, enterprise: 3, cas: 2 },
  B2: { cas: 3, university: 2, enterprise: 1 },
  B3: { enterprise: 1 },
  B4: { enterprise: 4, university: 2, cas: 1 },
  B5: { hospital: 1 },
};

// Restrictive types first, so the common ones (hosted in every city) fill the quotas.
const GENERATION_ORDER: readonly BaseTypeCode[] = ['B5', 'B3', 'B2', 'B1', 'B4', 'A1'];

const kindWeight = (type: BaseTypeCode, host: Institution): number =>
  HOST_KINDS[type]?.[host.kind] ?? 0;

function pickField(rng: Rng, type: BaseTypeCode, host: Institution, used: Set<string>): FieldEntry {
  const all = (FIELDS_BY_TYPE[type] ?? []).filter((f) => !used.has(f.fragment));
  const fitting = all.filter((f) => host.domains.includes(f.domain));
  const field = rng.pick(fitting.length > 0 ? fitting : all);
  used.add(field.fragment);
  return field;
}

type Draft = Omit<RegistryBase, 'code' | 'director' | 'quality' | 'profile'>;

function draftFixedC(remaining: Record<CityName, number>): Draft[] {
  return FIXED_C_BASES.map((c) => {
    remaining[c.city] -= 1;
    return {
      type: c.type,
      legacyType: c.legacyType,
      name: c.name,
      legacyName: c.legacyName,
      host: c.host,
      city: c.city,
      yearEstablished: 0,
      field: c.field,
    };
  });
}

function draftHosted(rng: Rng, remaining: Record<CityName, number>): Draft[] {
  const drafts: Draft[] = [];
  for (const type of GENERATION_ORDER) {
    const used = new Set<string>();
    for (let i = 0; i < TYPE_COUNTS[type]; i += 1) {
      const hosts = HOSTS.filter((h) => kindWeight(type, h) > 0);
      const open = hosts.filter((h) => remaining[h.city] > 0);
      const host = rng.weighted(
        open.length > 0 ? open : hosts,
        (h) =>
          (kindWeight(type, h) * Math.max(remaining[h.city], 0.01)) /
          hosts.filter((x) => x.city === h.city).length,
      );
      remaining[host.city] -= 1;
      const field = pickField(rng, type, host, used);
      const sources = LEGACY_SOURCES[type];
      const legacyType = sources ? rng.weighted(sources, ([, w]) => w)[0] : undefined;
      const name = `辽宁省${field.fragment}${TYPE_SUFFIX[type] ?? ''}`;
      const legacySuffix = legacyType ? LEGACY_SUFFIX[legacyType] : undefined;
      drafts.push({
        type,
        ...(legacyType ? { legacyType } : {}),
        name,
        legacyName: legacySuffix ? `辽宁省${field.fragment}${legacySuffix}` : name,
        host: host.name,
        city: host.city,
        yearEstablished: 0,
        field: DOMAIN_LABELS[field.domain],
      });
    }
  }
  return drafts;
}

const TYPE_ORDER: readonly BaseTypeCode[] = ['A1', 'B1', 'B2', 'B3', 'B4', 'B5', 'C1', 'C2', 'C3'];

/** The registry of the current round, ordered by type and code. */
export function generateRegistry(rng: Rng): RegistryBase[] {
  const remaining: Record<CityName, number> = { ...CITY_QUOTAS };
  const drafts = [...draftFixedC(remaining), ...draftHosted(rng, remaining)];
  const directors = distinctNames(rng, drafts.length);
  const withYears = drafts.map((d, i) => ({
    ...d,
    director: directors[i] ?? '',
    // B2 is a type the 2019 plan created; its institutes are the youngest.
    yearEstablished: d.type === 'B2' ? rng.int(2016, 2018) : rng.int(2005, 2018),
  }));
  const ordered = [...withYears].sort(
    (a, b) =>
      TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) ||
      a.yearEstablished - b.yearEstablished ||
      compareText(a.name, b.name),
  );
  const perType = new Map<BaseTypeCode, number>();
  return ordered.map((d) => {
    const n = (perType.get(d.type) ?? 0) + 1;
    perType.set(d.type, n);
    return {
      ...d,
      code: `LN-${d.type}-${String(n).padStart(3, '0')}`,
      quality: clamp(rng.normal(76, 9), 45, 93),
      profile: [0, 1, 2, 3].map(() => rng.normal(0, 6)),
    };
  });
}

const EXTRA_TYPES: readonly [BaseTypeCode, LegacyTypeCode][] = [
  ['A1', 'keyLaboratory'],
  ['A1', 'keyLaboratory'],
  ['A1', 'keyLaboratory'],
  ['B1', 'engineeringLaboratory'],
  ['B1', 'engineeringLaboratory'],
  ['B4', 'engineeringTechnologyCenter'],
  ['B4', 'engineeringTechnologyCenter'],
  ['B4', 'industrialSpecializedPlatform'],
];

/**
 * Weak bases that existed before 2019 and did not survive its integration round (撤销 or
 * 合并): they appear only in the 2019 history round. Codes continue each type's numbering.
 */
export function generateRetiredBases(rng: Rng, registry: readonly RegistryBase[]): RegistryBase[] {
  const takenNames = new Set(registry.map((b) => b.director));
  const perType = new Map<BaseTypeCode, number>();
  for (const b of registry) perType.set(b.type, (perType.get(b.type) ?? 0) + 1);
  const usedFragments = new Set<string>();
  for (const b of registry) {
    for (const f of FIELDS_BY_TYPE[b.type] ?? [])
      if (b.name.includes(f.fragment)) usedFragments.add(f.fragment);
  }
  const directors = distinctNames(rng, EXTRA_TYPES.length, takenNames);
  return EXTRA_TYPES.map(([type, legacyType], i) => {
    const hosts = HOSTS.filter((h) => kindWeight(type, h) > 0);
    // Prefer the host of a surviving base of the same type, so 合并 has a natural target.
    const siblings = registry.filter(
      (b) => b.type === type && hosts.some((h) => h.name === b.host),
    );
    const sibling = rng.pick(siblings);
    const host = hosts.find((h) => h.name === sibling.host) ?? rng.pick(hosts);
    const field = pickField(rng, type, host, usedFragments);
    const n = (perType.get(type) ?? 0) + 1;
    perType.set(type, n);
    return {
      code: `LN-${type}-${String(n).padStart(3, '0')}`,
      type,
      legacyType,
      name: `辽宁省${field.fragment}${TYPE_SUFFIX[type] ?? ''}`,
      legacyName: `辽宁省${field.fragment}${LEGACY_SUFFIX[legacyType] ?? ''}`,
      host: host.name,
      city: host.city,
      director: directors[i] ?? '',
      yearEstablished: rng.int(2005, 2011),
      field: DOMAIN_LABELS[field.domain],
      quality: rng.normal(44, 3),
      profile: [0, 1, 2, 3].map(() => rng.normal(0, 5)),
    };
  });
}
