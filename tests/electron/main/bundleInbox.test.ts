import { describe, expect, it } from 'vitest';
import { createBundleInbox } from '../../../electron/main/bundleInbox';
import type { DesktopEventPayloads } from '../../../shared/ipc/shellEvents';
import { fail, ok } from '../../../shared/ipc/result';

const setUp = () => {
  const sent: DesktopEventPayloads['shell:openBundles'][] = [];
  const inbox = createBundleInbox({
    readFile: async (filePath) =>
      filePath.includes('missing')
        ? fail('notFound', `找不到文件“${filePath}”`)
        : ok([{ name: filePath.split('/').pop() ?? '', bytes: new Uint8Array([1]) }]),
    send: (payload) => sent.push(payload),
  });
  return { inbox, sent };
};

describe('the inbox for bundles opened from outside', () => {
  it('holds files that arrive before the renderer is ready and sends them once it is', async () => {
    const { inbox, sent } = setUp();
    await inbox.receive(['/a/first.pgb']);
    await inbox.receive(['/a/second.pgb']);
    expect(sent).toEqual([]);
    inbox.markReady();
    expect(sent.map((p) => p.files.map((f) => f.name))).toEqual([['first.pgb'], ['second.pgb']]);
  });

  it('sends at once while the renderer is ready, and holds again during a reload', async () => {
    const { inbox, sent } = setUp();
    inbox.markReady();
    await inbox.receive(['/a/x.pgb']);
    expect(sent).toHaveLength(1);
    inbox.markNotReady();
    await inbox.receive(['/a/y.pgb']);
    expect(sent).toHaveLength(1);
    inbox.markReady();
    expect(sent).toHaveLength(2);
  });

  it('delivers the readable files with a sentence for each one that could not be read', async () => {
    const { inbox, sent } = setUp();
    inbox.markReady();
    await inbox.receive(['/a/ok.pgb', '/a/missing.pgb']);
    expect(sent).toEqual([
      {
        files: [{ name: 'ok.pgb', bytes: new Uint8Array([1]) }],
        problems: ['找不到文件“/a/missing.pgb”'],
      },
    ]);
  });

  it('sends nothing for an empty command line', async () => {
    const { inbox, sent } = setUp();
    inbox.markReady();
    await inbox.receive([]);
    expect(sent).toEqual([]);
  });
});
