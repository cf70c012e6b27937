import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatHlc } from '../../../shared/domain/hlc';
import { compareForWinner, frontier, pickWinner } from '../../../shared/sync/frontier';
import { edit, freshSheet, laptop, T0 } from '../../helpers/syncBuilders';

const at = (seconds: number, deviceId: string): string =>
  formatHlc({ ms: T0 + seconds * 1000, counter: 0, deviceId });

describe('the winner rule', () => {
  const draft = freshSheet({ hlc: at(30, 'laptop-1'), overallComment: 'late draft' });
  const submitted = freshSheet({ status: 'submitted', hlc: at(20, 'laptop-2') });
  const recused = freshSheet({
    hlc: at(10, 'laptop-3'),
    recusal: { reason: '曾指导其研究生', source: 'declared', at: '2024-05-10T09:00:10.000Z' },
  });

  it('shows a recusal over a submitted sheet over a draft, however late the draft', () => {
    expect(pickWinner([draft, submitted, recused])).toBe(recused);
    expect(pickWinner([draft, submitted])).toBe(submitted);
  });

  it('among sheets of the same standing shows the later edit, then the device id', () => {
    const later = freshSheet({ hlc: at(40, 'laptop-1'), overallComment: 'later' });
    expect(pickWinner([draft, later])).toBe(later);
    const a = freshSheet({ hlc: at(40, 'laptop-1'), deviceId: 'laptop-1' });
    const b = freshSheet({ hlc: at(40, 'laptop-1'), deviceId: 'laptop-2' });
    expect(pickWinner([a, b])).toBe(b);
  });

  it('is a total order: exactly one of two different copies wins, whatever their order', () => {
    const copy = fc.record({
      status: fc.constantFrom('draft' as const, 'submitted' as const),
      second: fc.integer({ min: 0, max: 2 }),
      deviceId: fc.constantFrom('laptop-1', 'laptop-2'),
      comment: fc.constantFrom('', 'a', 'b'),
    });
    fc.assert(
      fc.property(copy, copy, (x, y) => {
        const sheet = (c: typeof x) =>
          freshSheet({
            status: c.status,
            deviceId: c.deviceId,
            hlc: at(c.second, 'd'),
            overallComment: c.comment,
          });
        const [a, b] = [sheet(x), sheet(y)];
        const ab = Math.sign(compareForWinner(a, b));
        expect(ab + Math.sign(compareForWinner(b, a))).toBe(0);
        expect(ab === 0).toBe(JSON.stringify(x) === JSON.stringify(y));
      }),
    );
  });
});

describe('the frontier of a set of copies', () => {
  it('drops every copy a later copy has seen and keeps concurrent ones, best first', () => {
    const one = laptop('laptop-1');
    const two = laptop('laptop-2', T0 + 60_000);
    const created = freshSheet();
    const a1 = edit(created, one, { overallComment: 'a1' });
    const a2 = edit(a1, one, { overallComment: 'a2' });
    const b1 = edit(created, two, { overallComment: 'b1' });
    expect(frontier([created, a1, b1, a2, a1])).toEqual([b1, a2]);
  });

  it('keeps one of two untouched drafts made under different ids, the same one in any order', () => {
    const x = freshSheet({ id: 'sheet-x' });
    const y = freshSheet({ id: 'sheet-y', deviceId: 'laptop-2', hlc: at(5, 'laptop-2') });
    expect(frontier([x, y])).toEqual([y]);
    expect(frontier([y, x])).toEqual([y]);
  });
});
