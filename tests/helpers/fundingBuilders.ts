// Accepted rounds and registry states for the 有进有出 and 后补助 tests: only the fields a test
// is about are given, the rest are plain defaults.
import type { BaseTypeCode } from '../../shared/domain/types';
import type {
  AcceptedBaseOutcome,
  AcceptedRound,
  RegistryBase,
  RegistryEvent,
  RegistryState,
} from '../../shared/registry/types';

export function outcome(
  code: string,
  type: BaseTypeCode,
  fields: Partial<AcceptedBaseOutcome> = {},
): AcceptedBaseOutcome {
  return {
    code,
    name: `基地${code}`,
    type,
    hostInstitution: '东北大学',
    city: '沈阳',
    director: '张三',
    yearEstablished: 2015,
    field: '材料',
    baseId: `base-${code}`,
    aggregate: 85,
    method: 'mean',
    grade: 'good',
    sheets: 5,
    ...fields,
  };
}

export function acceptedRound(
  bases: AcceptedBaseOutcome[],
  fields: Partial<AcceptedRound> = {},
): AcceptedRound {
  return {
    roundId: 'round-2023',
    name: '2023年度评估',
    year: 2023,
    evaluationType: 'periodic',
    version: 1,
    closedAt: '2023-12-01T08:00:00.000Z',
    closedBy: '秘书处',
    bundleSha256: '0'.repeat(64),
    signerFingerprint: 'AB:CD',
    acceptedAt: '2023-12-02T08:00:00.000Z',
    acceptedBy: '省科技厅',
    bases,
    ...fields,
  };
}

export function registryBase(
  code: string,
  type: BaseTypeCode,
  fields: Partial<RegistryBase> = {},
): RegistryBase {
  return {
    code,
    name: `基地${code}`,
    type,
    category: type.startsWith('A') ? 'A' : type.startsWith('B') ? 'B' : 'C',
    hostInstitution: '东北大学',
    city: '沈阳',
    director: '张三',
    yearEstablished: 2015,
    field: '材料',
    status: 'active',
    enteredYear: 2020,
    history: [],
    ...fields,
  };
}

export function registryState(bases: RegistryBase[], events: RegistryEvent[]): RegistryState {
  return { bases, events, rounds: [] };
}
