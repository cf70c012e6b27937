// Saves a scoresheet form to IndexedDB as the expert types: one pending edit per field,
// written after a short pause (debounced per field), or at once on flush (blur, leaving
// the page, the window being hidden). Writes run one at a time through the repository.
//
// Two windows on one sheet: the saver knows the revision and HLC of the version it last
// wrote or loaded. A stored version it did not write (seen through the live query, or
// found inside the write transaction) puts it in 'conflict': nothing more is written until
// the expert reloads the stored version, so the later writer never overwrites silently.
import type { PingguDatabase } from '../../db/database';
import { findScoresheet } from '../../db/queries';
import {
  applyScoresheetEdit,
  createScoresheetWithEdit,
} from '../../db/repositories/scoresheetRepository';
import type { SheetKey } from '../../db/repositories/scoresheetRepository';
import type { RepositoryResult } from '../../db/repositories/errors';
import type { Scoresheet } from '../../../shared/domain/types';
import { applyFieldEdits, fieldKey } from './fieldEdits';
import type { FieldEdit } from './fieldEdits';
import type { SheetDeps } from './sheetDeps';
import { isStale, StaleSheetError, versionOf } from './storedVersion';
import type { Version } from './storedVersion';
import { classifyWriteError } from './writeErrors';
import type { WriteFailure } from './writeErrors';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | ({ kind: 'failed' } & WriteFailure)
  | { kind: 'rejected'; message: string }
  | { kind: 'conflict' };

export type ActionResult =
  | { ok: true; sheet: Scoresheet }
  | { ok: false; reason: 'conflict' | 'unsaved' }
  | { ok: false; reason: 'rejected'; message: string };

export type SaverTimers = {
  set: (run: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
};

export type SaverOptions = {
  db: PingguDatabase;
  key: SheetKey;
  actor: string;
  deps: () => Promise<SheetDeps>;
  /** Pause after the last change of a field before it is written (default 300 ms). */
  delayMs?: number;
  timers?: SaverTimers;
};

const DEFAULT_TIMERS: SaverTimers = {
  set: (run, ms) => globalThis.setTimeout(run, ms),
  clear: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class SheetSaver {
  private readonly options: Required<SaverOptions>;
  /** The version this window last wrote or accepted; undefined before the first load. */
  private known: Version | undefined;
  private latest: Scoresheet | null = null;
  private observed: Scoresheet | null = null;
  private readonly pending = new Map<string, FieldEdit>();
  private readonly timers = new Map<string, unknown>();
  private chain: Promise<void> = Promise.resolve();
  private writing = 0;
  private status: SaveStatus = { kind: 'idle' };
  private savedAt: string | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(options: SaverOptions) {
    this.options = { delayMs: 300, timers: DEFAULT_TIMERS, ...options };
  }

  // ---- state for the UI ---------------------------------------------------------------

  getStatus = (): SaveStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The sheet as this window last wrote or loaded it. */
  getLatest(): Scoresheet | null {
    return this.latest;
  }

  hasUnsavedChanges(): boolean {
    return this.pending.size > 0 || this.writing > 0;
  }

  private setStatus(status: SaveStatus): void {
    this.status = status;
    if (status.kind === 'saved') this.savedAt = status.at;
    for (const listener of this.listeners) listener();
  }

  private settle(): void {
    // Only on a change of state: every keystroke passes here, and a new status object
    // would re-render the whole sheet.
    if (this.status.kind === 'conflict' || this.status.kind === 'saving') return;
    if (this.pending.size > 0 || this.writing > 0) this.setStatus({ kind: 'saving' });
  }

  // ---- the stored sheet -----------------------------------------------------------------

  /** Every version the live query delivers (null: no sheet stored). */
  observe(stored: Scoresheet | null): void {
    this.observed = stored;
    if (this.known === undefined) {
      this.accept(stored);
      return;
    }
    if (this.writing === 0) this.checkForeign(stored);
  }

  /** After a conflict: take the stored version and drop what this window had not saved. */
  reload(stored: Scoresheet | null): void {
    for (const handle of this.timers.values()) this.options.timers.clear(handle);
    this.timers.clear();
    this.pending.clear();
    this.accept(stored);
    this.setStatus({ kind: 'idle' });
  }

  private accept(stored: Scoresheet | null): void {
    this.known = versionOf(stored);
    this.latest = stored;
    if (stored) void this.options.deps().then((deps) => deps.observe(stored.hlc));
  }

  private checkForeign(stored: Scoresheet | null): void {
    const known = this.known;
    if (known === undefined || stored === null || this.status.kind === 'conflict') return;
    const isForeign =
      known === null
        ? true
        : stored.id === known.id &&
          (stored.revision > known.revision ||
            (stored.revision === known.revision && stored.hlc !== known.hlc));
    if (isForeign) this.setStatus({ kind: 'conflict' });
  }

  // ---- edits ----------------------------------------------------------------------------

  schedule(edit: FieldEdit): void {
    const key = fieldKey(edit);
    this.pending.set(key, edit);
    const previous = this.timers.get(key);
    if (previous !== undefined) this.options.timers.clear(previous);
    this.timers.set(
      key,
      this.options.timers.set(() => {
        this.timers.delete(key);
        void this.drain();
      }, this.options.delayMs),
    );
    this.settle();
  }

  /** Whether an edit of this field (see fieldKey) waits to be written. */
  isPending(key: string): boolean {
    return this.pending.has(key);
  }

  /**
   * Drops the edit of this field that has not been written yet (the expert typed on and
   * the field now holds a refused value). False when there was none to drop.
   */
  cancel(key: string): boolean {
    if (!this.pending.has(key)) return false;
    this.pending.delete(key);
    const timer = this.timers.get(key);
    if (timer !== undefined) this.options.timers.clear(timer);
    this.timers.delete(key);
    if (this.status.kind === 'saving' && this.pending.size === 0 && this.writing === 0) {
      this.setStatus(
        this.savedAt === null ? { kind: 'idle' } : { kind: 'saved', at: this.savedAt },
      );
    }
    return true;
  }

  /** Writes every pending edit now; resolves when they are written (or failed). */
  flush(): Promise<void> {
    for (const handle of this.timers.values()) this.options.timers.clear(handle);
    this.timers.clear();
    return this.drain();
  }

  private drain(): Promise<void> {
    this.writing += 1;
    this.chain = this.chain.then(async () => {
      try {
        await this.writeDue();
      } finally {
        this.writing -= 1;
      }
      if (this.writing === 0) this.afterWrites();
    });
    return this.chain;
  }

  private afterWrites(): void {
    this.checkForeign(this.observed);
    if (this.status.kind !== 'saving' || this.pending.size > 0) return;
    this.setStatus({ kind: 'saved', at: this.latest?.updatedAt ?? '' });
  }

  /** Takes the edits whose pause is over (no timer running) off the pending map. */
  private takeDue(): FieldEdit[] {
    const due: FieldEdit[] = [];
    for (const [key, edit] of this.pending) {
      if (this.timers.has(key)) continue;
      due.push(edit);
      this.pending.delete(key);
    }
    return due;
  }

  /** Puts edits back (unless the field was changed again meanwhile) to retry later. */
  private putBack(edits: readonly FieldEdit[]): void {
    for (const edit of edits) {
      const key = fieldKey(edit);
      if (!this.pending.has(key)) this.pending.set(key, edit);
    }
  }

  private async writeDue(): Promise<void> {
    if (this.status.kind === 'conflict') return;
    const edits = this.takeDue();
    if (edits.length === 0) return;
    try {
      const result = await this.write(edits);
      if (result.ok) {
        this.known = versionOf(result.value);
        this.latest = result.value;
        if (this.status.kind !== 'saving') this.setStatus({ kind: 'saving' });
      } else if (result.error.code === 'alreadyExists') {
        this.putBack(edits);
        this.setStatus({ kind: 'conflict' });
      } else {
        // A refusal (e.g. the sheet is locked): retrying the same edit cannot succeed.
        this.setStatus({ kind: 'rejected', message: result.error.message });
      }
    } catch (error) {
      this.putBack(edits);
      if (isStale(error)) this.setStatus({ kind: 'conflict' });
      else this.setStatus({ kind: 'failed', ...classifyWriteError(error) });
    }
  }

  private async write(edits: readonly FieldEdit[]): Promise<RepositoryResult<Scoresheet>> {
    const { db, key, actor } = this.options;
    const deps = await this.options.deps();
    const expected = this.known ?? null;
    if (expected === null) {
      // The sheet's first write starts it too, in the same transaction.
      return createScoresheetWithEdit(
        db,
        key,
        (sheet, { template, stamp }) => applyFieldEdits(sheet, template, edits, stamp),
        actor,
        deps,
      );
    }
    return applyScoresheetEdit(
      db,
      expected.id,
      (sheet, { template, stamp }) => {
        if (sheet.revision !== expected.revision || sheet.hlc !== expected.hlc) {
          throw new StaleSheetError();
        }
        return applyFieldEdits(sheet, template, edits, stamp);
      },
      actor,
      deps,
    );
  }

  // ---- whole-sheet actions (submit, recuse, reopen) -----------------------------------

  /**
   * Writes pending edits, then runs `action` (a repository call) in the write queue, after
   * checking the stored sheet is still the version this window knows.
   */
  async runAction(
    action: (sheetId: string | undefined, deps: SheetDeps) => Promise<RepositoryResult<Scoresheet>>,
  ): Promise<ActionResult> {
    await this.flush();
    if (this.status.kind === 'conflict') return { ok: false, reason: 'conflict' };
    if (this.pending.size > 0) return { ok: false, reason: 'unsaved' };
    let outcome: ActionResult = { ok: false, reason: 'conflict' };
    this.writing += 1;
    this.chain = this.chain.then(async () => {
      try {
        outcome = await this.runChecked(action);
      } catch (error) {
        const failure = classifyWriteError(error);
        outcome = { ok: false, reason: 'rejected', message: failure.detail };
      } finally {
        this.writing -= 1;
      }
    });
    await this.chain;
    if (this.writing === 0) this.checkForeign(this.observed);
    return outcome;
  }

  private async runChecked(
    action: (sheetId: string | undefined, deps: SheetDeps) => Promise<RepositoryResult<Scoresheet>>,
  ): Promise<ActionResult> {
    const { db, key } = this.options;
    const deps = await this.options.deps();
    const stored = (await findScoresheet(db, key.expertId, key.baseId)) ?? null;
    const known = this.known ?? null;
    const current = versionOf(stored);
    const isSame =
      known === null
        ? current === null
        : current !== null && current.revision === known.revision && current.hlc === known.hlc;
    if (!isSame) {
      this.setStatus({ kind: 'conflict' });
      return { ok: false, reason: 'conflict' };
    }
    const result = await action(stored?.id, deps);
    if (!result.ok) return { ok: false, reason: 'rejected', message: result.error.message };
    this.known = versionOf(result.value);
    this.latest = result.value;
    this.setStatus({ kind: 'saved', at: result.value.updatedAt });
    return { ok: true, sheet: result.value };
  }
}
