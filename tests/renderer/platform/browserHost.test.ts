import { describe, expect, it } from 'vitest';
import { createBrowserHost, REVOKE_DELAY_MS } from '../../../renderer/platform/browserHost';
import type { AnchorPort, DomPort, FileInputPort } from '../../../renderer/platform/browserHost';

// A file input built on a real EventTarget: the test plays the user by dispatching the
// events a browser fires after its picker closes.
class TestFileInput extends EventTarget implements FileInputPort {
  type = '';
  multiple = false;
  accept = '';
  webkitdirectory = false;
  files: File[] | null = null;
  isClicked = false;
  isRemoved = false;
  click(): void {
    this.isClicked = true;
  }
  remove(): void {
    this.isRemoved = true;
  }
}

const testDom = () => {
  const inputs: TestFileInput[] = [];
  const anchors: (AnchorPort & { clicks: number; isRemoved: boolean })[] = [];
  const revoked: string[] = [];
  const scheduled: { run: () => void; milliseconds: number }[] = [];
  const dom: DomPort = {
    mountFileInput: () => {
      const input = new TestFileInput();
      inputs.push(input);
      return input;
    },
    mountAnchor: () => {
      const anchor = {
        href: '',
        download: '',
        rel: '',
        clicks: 0,
        isRemoved: false,
        click() {
          anchor.clicks += 1;
        },
        remove() {
          anchor.isRemoved = true;
        },
      };
      anchors.push(anchor);
      return anchor;
    },
    createObjectUrl: () => 'blob:app://pinggu/1',
    revokeObjectUrl: (url) => revoked.push(url),
    later: (run, milliseconds) => scheduled.push({ run, milliseconds }),
  };
  return { dom, inputs, anchors, revoked, scheduled };
};

describe('the browser file picker', () => {
  it('opens a hidden input configured from the request and resolves with the picked files', async () => {
    const { dom, inputs } = testDom();
    const picking = createBrowserHost(dom, false).pickFiles({
      multiple: true,
      directory: false,
      accept: '.pgb',
    });
    const input = inputs[0];
    if (input === undefined) throw new Error('no input mounted');
    expect(input).toMatchObject({
      type: 'file',
      multiple: true,
      accept: '.pgb',
      webkitdirectory: false,
      isClicked: true,
    });
    const file = new File(['x'], 'a.pgb');
    input.files = [file];
    input.dispatchEvent(new Event('change'));
    expect(await picking).toEqual([file]);
    expect(input.isRemoved).toBe(true);
  });

  it('picks a folder with webkitdirectory', () => {
    const { dom, inputs } = testDom();
    void createBrowserHost(dom, false).pickFiles({
      multiple: false,
      directory: true,
      accept: '.pgb',
    });
    expect(inputs[0]?.webkitdirectory).toBe(true);
  });

  it('resolves null when the user dismisses the picker, and cleans up', async () => {
    const { dom, inputs } = testDom();
    const picking = createBrowserHost(dom, false).pickFiles({
      multiple: false,
      directory: false,
      accept: '.pgb',
    });
    inputs[0]?.dispatchEvent(new Event('cancel'));
    expect(await picking).toBeNull();
    expect(inputs[0]?.isRemoved).toBe(true);
  });

  it('treats an empty selection as cancelled', async () => {
    const { dom, inputs } = testDom();
    const picking = createBrowserHost(dom, false).pickFiles({
      multiple: false,
      directory: false,
      accept: '.pgb',
    });
    const input = inputs[0];
    if (input === undefined) throw new Error('no input mounted');
    input.files = [];
    input.dispatchEvent(new Event('change'));
    expect(await picking).toBeNull();
  });
});

describe('the browser download', () => {
  it('clicks a download link for the blob and revokes the URL only after a delay', () => {
    const { dom, anchors, revoked, scheduled } = testDom();
    createBrowserHost(dom, false).download('结果.xlsx', new Blob(['x']));
    expect(anchors[0]).toMatchObject({
      href: 'blob:app://pinggu/1',
      download: '结果.xlsx',
      rel: 'noopener',
      clicks: 1,
      isRemoved: true,
    });
    expect(revoked).toEqual([]);
    expect(scheduled[0]?.milliseconds).toBe(REVOKE_DELAY_MS);
    scheduled[0]?.run();
    expect(revoked).toEqual(['blob:app://pinggu/1']);
  });
});
