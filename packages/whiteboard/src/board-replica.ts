import type { BoardPatch, BoardSnapshot, WireItem } from "@otc/contract";

/**
 * A client's copy of one board: the server's snapshot, then its patches in order. A gap in the
 * sequence (a patch missed while reconnecting) marks the replica stale so the client asks again.
 */
export class BoardReplica {
  readonly items = new Map<number, WireItem>();
  seq = -1;
  stale = true;
  w = 0;
  h = 0;

  constructor(readonly id: string) {}

  applySnapshot(s: BoardSnapshot): void {
    this.items.clear();
    for (const item of s.items) this.items.set(item.id, item);
    this.seq = s.seq;
    this.w = s.w;
    this.h = s.h;
    this.stale = false;
  }

  /** Returns false (and marks the replica stale) when the patch does not follow the last one. */
  applyPatch(p: BoardPatch): boolean {
    if (p.seq <= this.seq) return true; // already in a newer snapshot
    if (this.stale || p.seq !== this.seq + 1) {
      this.stale = true;
      return false;
    }
    for (const id of p.del) this.items.delete(id);
    for (const item of p.put) this.items.set(item.id, item);
    this.seq = p.seq;
    return true;
  }

  /** Items in drawing order (id order: what came later is on top, so new items can be drawn incrementally). */
  ordered(): WireItem[] {
    return [...this.items.values()].sort((a, b) => a.id - b.id);
  }
}
