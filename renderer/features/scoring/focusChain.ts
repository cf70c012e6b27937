// Keyboard flow of the scoresheet: Enter in a score (or its comment) jumps to the next
// score input; after the last one, to the recommendation. Inputs register themselves by
// indicator id; the order is the template's.
export type Focusable = { focus: () => void };

export class FocusChain {
  private readonly targets = new Map<string, Focusable>();
  private after: Focusable | null = null;

  constructor(private readonly order: readonly string[]) {}

  /** A callback ref for the input of `id`. */
  register(id: string): (target: Focusable | null) => void {
    return (target) => {
      if (target) this.targets.set(id, target);
      else this.targets.delete(id);
    };
  }

  /** What gets focus after the last score (the recommendation). */
  registerAfter(target: Focusable | null): void {
    this.after = target;
  }

  focus(id: string): void {
    this.targets.get(id)?.focus();
  }

  focusNext(id: string): void {
    const index = this.order.indexOf(id);
    const next = index < 0 ? undefined : this.order[index + 1];
    if (next !== undefined) this.focus(next);
    else this.focusAfter();
  }

  focusAfter(): void {
    this.after?.focus();
  }

  /** On opening a sheet: the first score not given yet, else the first. */
  focusFirstOpen(isScored: (id: string) => boolean): void {
    const first = this.order.find((id) => !isScored(id)) ?? this.order[0];
    if (first !== undefined) this.focus(first);
  }
}
