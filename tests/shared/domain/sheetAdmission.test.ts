import { describe, expect, it } from 'vitest';
import {
  admitSheet,
  assignmentsByPair,
  sheetRefusal,
  type AdmissionRoster,
} from '../../../shared/domain/sheetAdmission';
import type { RoundChange } from '../../../shared/domain/types';

const recusal = {
  reason: '本单位基地',
  source: 'institution' as const,
  at: '2024-05-10T09:00:00.000Z',
};

const roster: AdmissionRoster = {
  bases: new Map([
    ['base-1', { id: 'base-1' }],
    ['base-2', { id: 'base-2' }],
  ]),
  experts: new Map([
    ['li', { id: 'li', panelId: 'panel-1' }],
    ['wang', { id: 'wang', panelId: 'panel-2' }],
  ]),
  assignments: assignmentsByPair([
    { expertId: 'li', baseId: 'base-1' },
    { expertId: 'li', baseId: 'base-2', recusal },
  ]),
};

const sheet = (expertId: string, baseId: string, recused = false) => ({
  expertId,
  baseId,
  ...(recused ? { recusal } : {}),
});

describe('which sheets a score bundle may bring', () => {
  it('takes a sheet of an assigned pair of the bundle’s panel', () => {
    expect(sheetRefusal(sheet('li', 'base-1'), 'panel-1', roster)).toBeUndefined();
  });

  it.each([
    ['an unknown base', sheet('li', 'base-9'), 'unknownBase'],
    ['an unknown expert', sheet('zhao', 'base-1'), 'unknownExpert'],
    ['an expert of another panel', sheet('wang', 'base-1'), 'otherPanel'],
    ['a scored sheet of a recused pair', sheet('li', 'base-2'), 'recusedPair'],
  ])('refuses %s', (_label, incoming, reason) => {
    expect(sheetRefusal(incoming, 'panel-1', roster)).toBe(reason);
  });

  it('refuses an assigned expert’s sheet for a base of the round they were not given', () => {
    const wide = {
      ...roster,
      assignments: assignmentsByPair([{ expertId: 'li', baseId: 'base-2' }]),
    };
    expect(sheetRefusal(sheet('li', 'base-1'), 'panel-1', wide)).toBe('notAssigned');
  });

  it('takes the recusal itself for a recused pair (it counts for nothing)', () => {
    expect(sheetRefusal(sheet('li', 'base-2', true), 'panel-1', roster)).toBeUndefined();
  });
});

describe('a sheet of a pair voided by a round change', () => {
  const change: RoundChange = {
    id: 'change-1',
    roundId: 'round-1',
    kind: 'replaceExpert',
    at: '2024-05-13T02:00:00.000Z',
    actor: '秘书处 王芳',
    reason: '专家因病无法继续评审',
    expertId: 'li',
    voids: [{ expertId: 'li', baseId: 'base-1' }],
  };
  const withoutLi = { ...roster, assignments: assignmentsByPair([]) };

  it('is taken as voided where it would be refused as not assigned or recused', () => {
    expect(admitSheet(sheet('li', 'base-1'), 'panel-1', withoutLi, change)).toEqual({
      kind: 'voided',
      change,
    });
    expect(admitSheet(sheet('li', 'base-2'), 'panel-1', roster, change)).toEqual({
      kind: 'voided',
      change,
    });
  });

  it('is taken as voided when its pair is still assigned (a withdrawn base)', () => {
    expect(admitSheet(sheet('li', 'base-1'), 'panel-1', roster, change)).toEqual({
      kind: 'voided',
      change,
    });
  });

  it.each([
    ['an unknown base', sheet('li', 'base-9'), 'unknownBase'],
    ['an unknown expert', sheet('zhao', 'base-1'), 'unknownExpert'],
    ['an expert of another panel', sheet('wang', 'base-1'), 'otherPanel'],
  ])('is still refused for %s', (_label, incoming, reason) => {
    expect(admitSheet(incoming, 'panel-1', roster, change)).toEqual({ kind: 'refused', reason });
  });

  it('without a change, is admitted or refused as before', () => {
    expect(admitSheet(sheet('li', 'base-1'), 'panel-1', roster, undefined)).toEqual({
      kind: 'taken',
    });
    expect(admitSheet(sheet('li', 'base-1'), 'panel-1', withoutLi, undefined)).toEqual({
      kind: 'refused',
      reason: 'notAssigned',
    });
  });
});
