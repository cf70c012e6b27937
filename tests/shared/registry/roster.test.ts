// From the registry to a secretariat's round: the roster keeps the registry codes and
// descriptions, and the history lines are keyed `${code}:${roundId}` for the chair's chart.
import { describe, expect, it } from 'vitest';
import { historyRecordsFromRegistry, rosterFromRegistry } from '../../../shared/registry/roster';
import type { RegistryHistoryEntry } from '../../../shared/registry/types';
import { buildRegistryBase } from '../../helpers/registryBuilders';

const entry = (roundId: string, year: number): RegistryHistoryEntry => ({
  roundId,
  roundName: `${String(year)}年度评估`,
  year,
  version: 1,
  aggregate: 81.5,
  method: 'trimmedMean',
  grade: 'good',
  disposition: 'keepAdjust',
});

const legacy = buildRegistryBase('LN-B4-007', {
  type: 'B4',
  legacyType: 'engineeringTechnologyCenter',
  status: 'rectifying',
  rectifyUntil: '2025-07-15',
  history: [entry('r2023', 2023), entry('r2024', 2024)],
});
const integrated = buildRegistryBase('LN-A1-001', {
  name: '辽宁省高性能金属材料重点实验室',
  type: 'A1',
  category: 'A',
  hostInstitution: '东北大学',
  city: '沈阳',
  director: '王建国',
  yearEstablished: 2010,
  field: '材料',
  previousType: 'keyLaboratory',
  history: [entry('r2024', 2024)],
});

describe('rosterFromRegistry', () => {
  it('makes one round base per registry base, keeping code, type and description', () => {
    let n = 0;
    const roster = rosterFromRegistry([legacy, integrated], 'round-9', () => `b${String(++n)}`);
    expect(roster).toStrictEqual([
      {
        id: 'b1',
        roundId: 'round-9',
        code: 'LN-B4-007',
        name: '辽宁省基地LN-B4-007',
        type: 'B4',
        legacyType: 'engineeringTechnologyCenter',
        hostInstitution: '大连理工大学',
        city: '大连',
        director: '张伟',
        yearEstablished: 2015,
        field: '装备制造',
      },
      {
        id: 'b2',
        roundId: 'round-9',
        code: 'LN-A1-001',
        name: '辽宁省高性能金属材料重点实验室',
        type: 'A1',
        hostInstitution: '东北大学',
        city: '沈阳',
        director: '王建国',
        yearEstablished: 2010,
        field: '材料',
      },
    ]);
  });
});

describe('historyRecordsFromRegistry', () => {
  it('gives every history line its code, name, source and the id `${code}:${roundId}`', () => {
    const records = historyRecordsFromRegistry([legacy, integrated], 'c'.repeat(64));
    expect(records.map((r) => r.id)).toEqual([
      'LN-B4-007:r2023',
      'LN-B4-007:r2024',
      'LN-A1-001:r2024',
    ]);
    expect(records[2]).toStrictEqual({
      ...entry('r2024', 2024),
      id: 'LN-A1-001:r2024',
      code: 'LN-A1-001',
      name: '辽宁省高性能金属材料重点实验室',
      sourceSha256: 'c'.repeat(64),
    });
  });
});
