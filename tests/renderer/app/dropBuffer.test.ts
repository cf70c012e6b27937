// Files dropped before the shell's code has loaded are held and dropped again for it.
// Node has no DragEvent or DataTransfer: minimal stand-ins carry the files.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { holdDrops } from '../../../renderer/app/dropBuffer';

class FakeDataTransfer {
  readonly files: File[] = [];
  readonly items = { add: (file: File) => void this.files.push(file) };
  get types(): string[] {
    return this.files.length > 0 ? ['Files'] : [];
  }
}

class FakeDragEvent extends Event {
  readonly dataTransfer: FakeDataTransfer | null;
  constructor(type: string, init: { dataTransfer?: FakeDataTransfer; cancelable?: boolean }) {
    super(type, { cancelable: init.cancelable ?? false });
    this.dataTransfer = init.dataTransfer ?? null;
  }
}

const fileDrop = (...names: string[]) => {
  const transfer = new FakeDataTransfer();
  for (const name of names) transfer.items.add(new File([name], name));
  return new FakeDragEvent('drop', { dataTransfer: transfer, cancelable: true });
};

const namesOf = (event: Event): string[] =>
  event instanceof FakeDragEvent ? (event.dataTransfer?.files ?? []).map((f) => f.name) : [];

describe('files dropped before the shell listens', () => {
  let target: Window;
  let received: string[][];

  beforeEach(() => {
    vi.stubGlobal('DataTransfer', FakeDataTransfer);
    vi.stubGlobal('DragEvent', FakeDragEvent);
    // The buffer only adds, removes and dispatches listeners: an EventTarget is enough.
    target = new EventTarget() as Window;
    received = [];
  });
  afterEach(() => vi.unstubAllGlobals());

  it('keeps the browser from opening them, and drops the same files again once released', () => {
    const onHeld = vi.fn();
    const buffer = holdDrops(target, { accepts: () => true, onHeld });
    const drop = fileDrop('round.pgb', 'panel.pgb');
    target.dispatchEvent(drop);
    expect(drop.defaultPrevented).toBe(true);
    expect(onHeld).toHaveBeenCalledTimes(1);

    target.addEventListener('drop', (event) => received.push(namesOf(event)));
    buffer.release();
    expect(received).toEqual([['round.pgb', 'panel.pgb']]);
  });

  it('stops holding once released: later drops reach the shell only once', () => {
    const buffer = holdDrops(target, { accepts: () => true, onHeld: () => undefined });
    buffer.release();
    target.addEventListener('drop', (event) => received.push(namesOf(event)));
    target.dispatchEvent(fileDrop('late.pgb'));
    buffer.release();
    expect(received).toEqual([['late.pgb']]);
  });

  it('does not hold a drop the shell leaves to the screen, but still keeps the browser from opening it', () => {
    const onHeld = vi.fn();
    const buffer = holdDrops(target, { accepts: () => false, onHeld });
    const drop = fileDrop('round.pgb');
    target.dispatchEvent(drop);
    expect(drop.defaultPrevented).toBe(true);
    expect(onHeld).not.toHaveBeenCalled();
    target.addEventListener('drop', (event) => received.push(namesOf(event)));
    buffer.release();
    expect(received).toEqual([]);
  });

  it('ignores drags that carry no files, and forgets held files when disposed', () => {
    const buffer = holdDrops(target, { accepts: () => true, onHeld: () => undefined });
    const text = new FakeDragEvent('drop', { cancelable: true });
    target.dispatchEvent(text);
    expect(text.defaultPrevented).toBe(false);
    target.dispatchEvent(fileDrop('round.pgb'));
    buffer.dispose();
    target.addEventListener('drop', (event) => received.push(namesOf(event)));
    buffer.release();
    expect(received).toEqual([]);
  });
});
