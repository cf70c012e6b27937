import { describe, expect, it } from 'vitest';
import { onOpenBundleRequest, requestOpenBundles } from '../../../renderer/app/bundleOpenRequests';
import type { OpenedFile } from '../../../shared/ipc/contract';

const file = (name: string): OpenedFile => ({ name, bytes: new Uint8Array([1, 2, 3]) });

describe('bundles a screen asks to open', () => {
  it('waits for the shell when it is not listening yet, then goes to it once, in order', () => {
    requestOpenBundles([file('a.pgb')]);
    requestOpenBundles([]); // nothing chosen: nothing to hand over
    requestOpenBundles([file('b.pgb'), file('c.pgb')]);
    const received: string[][] = [];
    const stop = onOpenBundleRequest((files) => received.push(files.map((f) => f.name)));
    expect(received).toEqual([['a.pgb'], ['b.pgb', 'c.pgb']]);

    requestOpenBundles([file('d.pgb')]);
    expect(received).toEqual([['a.pgb'], ['b.pgb', 'c.pgb'], ['d.pgb']]);
    stop();

    // After the shell stopped listening, requests wait again for the next one.
    requestOpenBundles([file('e.pgb')]);
    expect(received).toHaveLength(3);
    const later: string[][] = [];
    onOpenBundleRequest((files) => later.push(files.map((f) => f.name)))();
    expect(later).toEqual([['e.pgb']]);
  });
});
