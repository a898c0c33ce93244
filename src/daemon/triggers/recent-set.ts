// A set that remembers only the last `max` entries (delivery ids seen), oldest forgotten first.

export class RecentSet {
  private readonly seen = new Set<string>();
  constructor(private readonly max: number) {}

  /** Adds `id`; false when it was already there (a replay). */
  add(id: string): boolean {
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    // A Set iterates in insertion order, so the first entry is the oldest.
    if (this.seen.size > this.max) this.seen.delete(this.seen.values().next().value as string);
    return true;
  }

  /** Forgets `id` (a delivery that failed on our side may be sent again). */
  delete(id: string): void {
    this.seen.delete(id);
  }

  get size(): number {
    return this.seen.size;
  }
}
