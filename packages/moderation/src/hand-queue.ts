/**
 * Raised hands in the order they went up. Each raise takes the next sequence number, so two raises
 * handled in the same millisecond still keep their arrival order; raising a hand already up keeps
 * its place. Pure: the caller passes the time (room clock, ms) for display only.
 */
export class HandQueue {
  private seq = 0;
  private readonly raised = new Map<string, { seq: number; at: number }>();

  /** True when the hand was not up before (it joins the end of the queue). */
  raise(id: string, at: number): boolean {
    if (this.raised.has(id)) return false;
    this.raised.set(id, { seq: ++this.seq, at });
    return true;
  }

  /** True when the hand was up. */
  lower(id: string): boolean {
    return this.raised.delete(id);
  }

  /** Who raised first, removed from the queue; undefined when no hand is up. */
  next(): string | undefined {
    const first = this.order()[0];
    if (first !== undefined) this.raised.delete(first);
    return first;
  }

  /** Every hand lowered; returns who had one up. */
  lowerAll(): string[] {
    const all = this.order();
    this.raised.clear();
    return all;
  }

  has(id: string): boolean {
    return this.raised.has(id);
  }

  /** Ids, first raised first. */
  order(): string[] {
    return [...this.raised.entries()].sort((a, b) => a[1].seq - b[1].seq).map(([id]) => id);
  }

  /** When `id` raised their hand (ms), undefined when it is down. */
  raisedAt(id: string): number | undefined {
    return this.raised.get(id)?.at;
  }
}
