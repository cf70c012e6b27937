import { describe, expect, it } from 'vitest';
import { fieldKey } from '../../../../renderer/features/scoring/fieldEdits';
import type { FieldEdit } from '../../../../renderer/features/scoring/fieldEdits';
import { SheetFormStore } from '../../../../renderer/features/scoring/sheetFormStore';
import { formTotals } from '../../../../renderer/features/scoring/sheetTotals';
import { builtinTemplateForType } from '../../../../shared/domain/templates';
import type { Scoresheet } from '../../../../shared/domain/types';
import { draftSheet } from '../../../helpers/scoresheetBuilders';

const template = builtinTemplateForType('A1'); // A1.1.1 is worth 10 points

/** The form over a saver stand-in: edits wait in `pending` until `write()`. */
function open(sheet: Scoresheet | null = null) {
  const pending = new Map<string, FieldEdit>();
  const written: FieldEdit[] = [];
  const sink = {
    schedule: (edit: FieldEdit) => void pending.set(fieldKey(edit), edit),
    isPending: (key: string) => pending.has(key),
    cancel: (key: string) => pending.delete(key),
  };
  const store = new SheetFormStore(template, sheet, sink, 'A1');
  const write = () => {
    written.push(...pending.values());
    pending.clear();
    return written;
  };
  return { store, pending, write };
}

describe('typing scores', () => {
  it('accepts a valid score, shows it, and hands it to the saver', () => {
    const { store, write } = open();
    expect(store.setScoreText('A1.1.1', '7.5')).toEqual({ kind: 'valid', value: 7.5 });
    expect(store.getState().texts['A1.1.1']).toBe('7.5');
    expect(store.getState().accepted['A1.1.1']).toBe(7.5);
    expect(write()).toEqual([{ kind: 'score', indicatorId: 'A1.1.1', value: 7.5 }]);
  });

  it('refuses an out-of-range score on the spot: shown as typed, never saved, never clamped', () => {
    const { store, write } = open();
    store.setScoreText('A1.1.1', '8');
    write();
    expect(store.setScoreText('A1.1.1', '12')).toMatchObject({ kind: 'invalid', code: 'aboveMax' });
    expect(store.getState().texts['A1.1.1']).toBe('12');
    expect(store.getState().accepted['A1.1.1']).toBe(8);
    expect(write()).toEqual([{ kind: 'score', indicatorId: 'A1.1.1', value: 8 }]);
    expect([...store.invalidIds()]).toEqual(['A1.1.1']);
  });

  it('does not save the keystrokes on the way to a refused score (the "2" of "25")', () => {
    const { store, pending, write } = open();
    store.setScoreText('A1.1.1', '8');
    write();
    store.setScoreText('A1.1.1', '2');
    expect(store.getState().accepted['A1.1.1']).toBe(2);
    store.setScoreText('A1.1.1', '25');
    expect(store.getState().accepted['A1.1.1']).toBe(8);
    expect(pending.size).toBe(0);
    store.revertScore('A1.1.1');
    expect(store.getState().texts['A1.1.1']).toBe('8');
  });

  it('keeps a score that was already written before the refused keystroke', () => {
    const { store, write } = open();
    store.setScoreText('A1.1.1', '2');
    write();
    store.setScoreText('A1.1.1', '25');
    expect(store.getState().accepted['A1.1.1']).toBe(2);
    store.setScoreText('A1.1.1', '3');
    write();
    store.setScoreText('A1.1.1', '35');
    expect(store.getState().accepted['A1.1.1']).toBe(3);
  });

  it('restores the accepted score on Esc', () => {
    const { store, write } = open();
    store.setScoreText('A1.1.1', '8');
    write();
    store.setScoreText('A1.1.1', '8.3');
    store.revertScore('A1.1.1');
    expect(store.getState().texts['A1.1.1']).toBe('8');
    expect(store.invalidIds().size).toBe(0);
  });

  it('clears a score when the input is emptied', () => {
    const { store, write } = open(draftSheet(template));
    store.setScoreText('A1.1.1', '6');
    store.setScoreText('A1.1.1', '');
    expect(store.getState().accepted).toEqual({});
    expect(write()).toEqual([{ kind: 'score', indicatorId: 'A1.1.1', value: null }]);
  });

  it('steps with the arrow keys from what is shown, within [0, max]', () => {
    const { store } = open();
    store.stepScore('A1.1.1', 1);
    expect(store.getState().texts['A1.1.1']).toBe('0.5');
    store.setScoreText('A1.1.1', '10');
    store.stepScore('A1.1.1', 1);
    expect(store.getState().texts['A1.1.1']).toBe('10');
    store.setScoreText('A1.1.1', '15');
    store.stepScore('A1.1.1', -1);
    expect(store.getState().texts['A1.1.1']).toBe('10');
    expect(store.getState().accepted['A1.1.1']).toBe(10);
  });

  it('updates the totals as scores are accepted', () => {
    const { store } = open();
    store.setScoreText('A1.1.1', '8');
    store.setScoreText('A1.1.2', '12.5');
    store.setScoreText('A1.2.1', '99');
    const totals = formTotals(template, store.getState().accepted);
    expect(totals.total).toBe(20.5);
    expect(totals.byPrimary['A1.1']).toBe(20.5);
    expect(totals.scored).toBe(2);
  });

  it('starts from the stored sheet', () => {
    const sheet = { ...draftSheet(template), scores: { 'A1.1.1': 9 }, overallComment: '好' };
    const { store } = open(sheet);
    expect(store.getState()).toMatchObject({ texts: { 'A1.1.1': '9' }, overall: '好' });
  });

  it('tells subscribers about every change', () => {
    const { store } = open();
    let calls = 0;
    const unsubscribe = store.subscribe(() => (calls += 1));
    store.setComment('A1.1', '方向清晰');
    unsubscribe();
    store.setOverall('x');
    expect(calls).toBe(1);
  });
});

describe('the recommendation', () => {
  it('saves 纳入 at once with the base’s type as its target', () => {
    const { store, write } = open();
    store.chooseDisposition('include');
    expect(write()).toEqual([
      {
        kind: 'recommendation',
        decision: { disposition: { code: 'include', targetType: 'A1' }, reason: '' },
      },
    ]);
  });

  it('waits for the target of a 合并 before saving, then saves it with the reason', () => {
    const { store, pending, write } = open();
    store.chooseDisposition('merge');
    expect(pending.size).toBe(0);
    store.setTargetBase('base-9');
    store.setReason('方向重复');
    expect(write().at(-1)).toEqual({
      kind: 'recommendation',
      decision: { disposition: { code: 'merge', targetBaseId: 'base-9' }, reason: '方向重复' },
    });
  });
});
