import { describe, expect, it } from 'vitest';
import { FocusChain } from '../../../../renderer/features/scoring/focusChain';

function chainOf(ids: string[]) {
  const focused: string[] = [];
  const chain = new FocusChain(ids);
  for (const id of ids) chain.register(id)({ focus: () => focused.push(id) });
  chain.registerAfter({ focus: () => focused.push('recommendation') });
  return { chain, focused };
}

describe('Enter moves through the scores', () => {
  it('goes to the next score, and after the last one to the recommendation', () => {
    const { chain, focused } = chainOf(['a', 'b', 'c']);
    chain.focusNext('a');
    chain.focusNext('b');
    chain.focusNext('c');
    expect(focused).toEqual(['b', 'c', 'recommendation']);
  });

  it('opens a sheet on the first score not given yet', () => {
    const { chain, focused } = chainOf(['a', 'b', 'c']);
    chain.focusFirstOpen((id) => id === 'a');
    chain.focusFirstOpen(() => true);
    expect(focused).toEqual(['b', 'a']);
  });

  it('forgets an input that unmounts', () => {
    const { chain, focused } = chainOf(['a', 'b']);
    chain.register('b')(null);
    chain.focusNext('a');
    expect(focused).toEqual([]);
  });
});
