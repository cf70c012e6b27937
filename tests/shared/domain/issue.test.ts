import { describe, expect, it } from 'vitest';
import {
  checkPassphrase,
  panelIssueProblems,
  roundBundleFileName,
  uniqueFileNames,
} from '../../../shared/domain/issue';
import type { IssueState } from '../../../shared/domain/issue';
import { isSafeFileName } from '../../../shared/ipc/fileNames';
import { buildExchangeRound } from '../../helpers/exchangeBuilders';
import type { ExchangeRound } from '../../helpers/exchangeBuilders';

const stateOf = (r: ExchangeRound, changes: Partial<IssueState> = {}): IssueState => ({
  round: r.round,
  bases: r.bases,
  experts: r.experts,
  assignments: r.assignments,
  storedTemplateIds: new Set(r.templates.map((t) => t.id)),
  ...changes,
});

describe('panelIssueProblems', () => {
  it('finds nothing wrong with a panel that has bases, experts, a chair and templates', () => {
    const r = buildExchangeRound();
    expect(panelIssueProblems(stateOf(r), r.panels[0])).toEqual([]);
  });

  it('names a panel without bases, experts or chair', () => {
    const r = buildExchangeRound();
    const [panel] = r.panels;
    const state = stateOf(r, {
      bases: r.bases.filter((b) => b.panelId !== panel.id),
      experts: r.experts.filter((e) => e.panelId !== panel.id),
      assignments: r.assignments.filter((a) => a.panelId !== panel.id),
    });
    const { chairExpertId: _chair, ...withoutChair } = panel;
    expect(panelIssueProblems(state, withoutChair).map((p) => p.code)).toEqual([
      'noBases',
      'noExperts',
      'noChair',
    ]);
  });

  it('refuses a chair who is not one of the panel’s experts', () => {
    const r = buildExchangeRound();
    const [shenyang, dalian] = r.panels;
    const problems = panelIssueProblems(stateOf(r), {
      ...shenyang,
      chairExpertId: dalian.chairExpertId ?? '',
    });
    expect(problems).toEqual([{ code: 'chairNotInPanel' }]);
  });

  it('lists bases nobody can score: unassigned, or every expert recused', () => {
    const r = buildExchangeRound();
    const [panel] = r.panels;
    const [first, second] = r.bases;
    const assignments = r.assignments
      .filter((a) => a.baseId !== first?.id)
      .map((a) =>
        a.baseId === second?.id
          ? {
              ...a,
              recusal: {
                reason: '同一单位',
                source: 'institution' as const,
                at: '2024-05-01T00:00:00.000Z',
              },
            }
          : a,
      );
    expect(panelIssueProblems(stateOf(r, { assignments }), panel)).toEqual([
      { code: 'unassignedBases', bases: [first?.name, second?.name] },
    ]);
  });

  it('names the base types whose template is not chosen or not stored', () => {
    const r = buildExchangeRound();
    const [panel] = r.panels;
    const { B4: _b4, ...templateByType } = r.round.templateByType;
    const a1 = r.round.templateByType.A1 ?? '';
    const state = stateOf(r, {
      round: { ...r.round, templateByType },
      storedTemplateIds: new Set([...r.templates.map((t) => t.id)].filter((id) => id !== a1)),
    });
    expect(panelIssueProblems(state, panel)).toEqual([
      { code: 'missingTemplates', types: ['A1', 'B4'] },
    ]);
  });
});

describe('checkPassphrase', () => {
  it('means no encryption when both fields are empty', () => {
    expect(checkPassphrase('', '')).toEqual({ ok: true, passphrase: undefined });
  });

  it('accepts a passphrase of at least 8 characters typed the same twice', () => {
    expect(checkPassphrase('大连组口令2024', '大连组口令2024')).toEqual({
      ok: true,
      passphrase: '大连组口令2024',
    });
  });

  it('counts characters, not bytes or UTF-16 units', () => {
    expect(checkPassphrase('辽宁省科技厅评', '辽宁省科技厅评')).toEqual({
      ok: false,
      code: 'tooShort',
    });
    expect(checkPassphrase('辽宁省科技厅评估', '辽宁省科技厅评估').ok).toBe(true);
  });

  it('refuses a short, unrepeated or mistyped passphrase', () => {
    expect(checkPassphrase('short', 'short')).toEqual({ ok: false, code: 'tooShort' });
    expect(checkPassphrase('long enough', '')).toEqual({ ok: false, code: 'missingRepeat' });
    expect(checkPassphrase('long enough', 'long enougH')).toEqual({
      ok: false,
      code: 'mismatch',
    });
  });
});

describe('round bundle file names', () => {
  it('name the panel and the round', () => {
    expect(roundBundleFileName('大连组', '2023年度省级科技创新基地定期评估')).toBe(
      '评审包-大连组-2023年度省级科技创新基地定期评估.pgb',
    );
  });

  it('are safe on every file system whatever the names hold', () => {
    for (const [panel, round] of [
      ['鞍山/本溪/抚顺组', '2023: 评估*?'],
      ['  ', '...'],
      ['组\u0000名', 'x'.repeat(400)],
      ['con', 'aux.'],
    ] as const) {
      const name = roundBundleFileName(panel, round);
      expect(isSafeFileName(name), name).toBe(true);
      expect(name.endsWith('.pgb')).toBe(true);
    }
    expect(roundBundleFileName('鞍山/本溪组', 'r')).toBe('评审包-鞍山_本溪组-r.pgb');
  });

  it('are numbered when two panels would share a name', () => {
    expect(uniqueFileNames(['a.pgb', 'b.pgb', 'A.pgb', 'a.pgb'])).toEqual([
      'a.pgb',
      'b.pgb',
      'A (2).pgb',
      'a (3).pgb',
    ]);
  });
});
