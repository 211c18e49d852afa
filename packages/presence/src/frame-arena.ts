/**
 * Zeroed bytes for many frames from one allocation: each frame is a view of a shared block, taken
 * after the one before. A relay tick builds a frame for every viewer, and a typed array of a few
 * hundred bytes allocated on its own costs a backing store outside the heap each; here a block
 * serves a hundred frames or more. A block is never written again once handed out (a new one starts
 * when it is full), so a frame still queued on a slow socket stays as it was; it keeps its block
 * alive until then.
 */
export class FrameArena {
  private block = new Uint8Array(0);
  private used = 0;

  constructor(private readonly blockBytes = 64 * 1024) {}

  readonly take = (size: number): Uint8Array => {
    if (this.used + size > this.block.length) {
      this.block = new Uint8Array(Math.max(this.blockBytes, size));
      this.used = 0;
    }
    const out = this.block.subarray(this.used, this.used + size);
    this.used += size;
    return out;
  };
}
