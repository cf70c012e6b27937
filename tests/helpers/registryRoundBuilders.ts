// Registry bundles as the department sends them to a secretariat (department → secretariat),
// for the tests of a round started from one: bases with their registry codes and history,
// and the signed bundle through createBundle.
import { createBundle } from '../../shared/bundle/bundle';
import type { SigningKeyPair } from '../../shared/bundle/bundleCrypto';
import type { BaseTypeCode } from '../../shared/domain/types';
import { baseTypeByCode } from '../../shared/domain/taxonomy';
import type {
  RegistryBase,
  RegistryHistoryEntry,
  RegistryPayload,
  RegistrySelection,
} from '../../shared/registry/types';
import { testCrypto } from './bundleBuilders';

export const REGISTRY_BUNDLE_TIME = '2025-03-01T02:00:00.000Z';
export const DEPARTMENT_DEVICE = 'department-pc';

/** One line of a base's history: a round of `year` (round id `r-<year>`). */
export function historyLine(
  year: number,
  aggregate: number | null,
  overrides: Partial<RegistryHistoryEntry> = {},
): RegistryHistoryEntry {
  return {
    roundId: `r-${year}`,
    roundName: `${year}年度省级科技创新基地定期评估`,
    year,
    version: 1,
    aggregate,
    method: 'trimmedMean',
    grade: aggregate === null ? null : aggregate >= 60 ? 'pass' : 'fail',
    ...overrides,
  };
}

export function registryBase(
  code: string,
  type: BaseTypeCode,
  overrides: Partial<RegistryBase> = {},
): RegistryBase {
  return {
    code,
    name: `辽宁省${code}基地`,
    type,
    hostInstitution: '东北大学',
    city: '沈阳',
    director: '王建国',
    yearEstablished: 2012,
    field: '材料',
    category: baseTypeByCode(type).category,
    status: 'active',
    enteredYear: 2012,
    history: [],
    ...overrides,
  };
}

export function registryContents(
  bases: RegistryBase[],
  overrides: { year?: number; title?: string; selection?: RegistrySelection } = {},
): RegistryPayload['registry'] {
  const year = overrides.year ?? 2025;
  return {
    year,
    title: overrides.title ?? `${year}年度定期评估基地名单`,
    selection: overrides.selection ?? { purpose: 'periodic' },
    bases,
  };
}

/** A signed registry bundle of these contents. */
export function registryBundle(
  registry: RegistryPayload['registry'],
  signer: SigningKeyPair,
): Promise<Uint8Array> {
  return createBundle({
    kind: 'registry',
    payload: { registry },
    deviceId: DEPARTMENT_DEVICE,
    appVersion: '0.1.0',
    createdAt: REGISTRY_BUNDLE_TIME,
    signer,
    crypto: testCrypto,
  });
}
