// JS heap sampling for the import benchmarks. Chromium exposes the heap in use as
// performance.memory.usedJSHeapSize (exact with --enable-precise-memory-info, which the
// harness passes; bucketed otherwise) and a gc() function with --js-flags=--expose-gc. A
// sampler takes the heap after a forced collection as its baseline, then samples it every
// 20 ms by timer (reading it costs ~0.1 ms, so more often would slow what it measures) and at every step the caller reports; the peak is the largest
// sample. Synchronous work between two samples is not seen inside, so the peak is a lower
// bound on the true one (the gaps are a single bundle's synchronous step at most).

/** The heap in use, or undefined where the browser does not say. */
export function heapUsed(): number | undefined {
  const memory: unknown = Reflect.get(performance, 'memory');
  if (typeof memory !== 'object' || memory === null) return undefined;
  const used: unknown = Reflect.get(memory, 'usedJSHeapSize');
  return typeof used === 'number' ? used : undefined;
}

/** A full garbage collection when the page was started with --expose-gc. */
export function collectGarbage(): boolean {
  const gc: unknown = Reflect.get(globalThis, 'gc');
  if (typeof gc !== 'function') return false;
  gc();
  return true;
}

export type HeapSampler = {
  /** Takes one sample now. */
  sample: () => void;
  /** Stops the timer; the baseline and the peak in bytes (NaN without performance.memory). */
  stop: () => { baseline: number; peak: number; samples: number };
};

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The baseline is taken after two collections a task apart: a database closed just before
 * still holds its last requests' results until its callbacks have run, and a baseline that
 * counts them is later freed mid-run, which made a run's peak come out below its baseline.
 */
export async function startHeapSampler(intervalMs = 20): Promise<HeapSampler> {
  collectGarbage();
  await nextTask();
  collectGarbage();
  const baseline = heapUsed() ?? Number.NaN;
  let peak = baseline;
  let samples = 0;
  const sample = (): void => {
    const used = heapUsed();
    if (used === undefined) return;
    samples += 1;
    if (used > peak) peak = used;
  };
  const timer = setInterval(sample, intervalMs);
  return {
    sample,
    stop: () => {
      clearInterval(timer);
      sample();
      return { baseline, peak, samples };
    },
  };
}
