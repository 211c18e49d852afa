import { PoseInterpolator, PresenceDecoder, type AvatarPose } from "@otc/presence";

interface Pending {
  atMs: number;
  frame: Uint8Array;
}

/** Frames held for the receive phase before being applied on arrival anyway (a hidden tab renders nothing). */
const MAX_QUEUED = 64;

/**
 * Incoming presence for one session: frames are queued as they arrive (with their local receive
 * time), applied in order in the receive phase, and each slot's poses feed its own interpolation
 * buffer that avatars sample in the interpolate phase.
 */
export class PresenceReceiver {
  private readonly decoder = new PresenceDecoder();
  private readonly queue: Pending[] = [];
  private readonly buffers = new Map<number, PoseInterpolator>();
  private failed = 0;

  constructor(private readonly delayMs?: number) {}

  enqueue(frame: Uint8Array, atMs: number): void {
    this.queue.push({ frame, atMs });
    if (this.queue.length > MAX_QUEUED) this.drain();
  }

  /** Applies every queued frame in arrival order. */
  drain(): void {
    for (const { frame, atMs } of this.queue.splice(0)) {
      let slots: number[];
      try {
        slots = this.decoder.apply(frame);
      } catch {
        this.failed++; // a truncated frame; the next keyframe resynchronises
        continue;
      }
      for (const slot of slots) {
        const pose = this.decoder.get(slot);
        if (!pose) continue;
        let buffer = this.buffers.get(slot);
        if (!buffer) {
          buffer = new PoseInterpolator(this.delayMs);
          this.buffers.set(slot, buffer);
        }
        buffer.push(atMs, pose); // get() returns a fresh object each call
      }
    }
  }

  sample(slot: number, nowMs: number): AvatarPose | undefined {
    return this.buffers.get(slot)?.sample(nowMs);
  }

  /** Forgets a slot whose participant left, so a reused slot starts clean. */
  remove(slot: number): void {
    this.decoder.remove(slot);
    this.buffers.delete(slot);
  }

  get decodeFailures(): number {
    return this.failed;
  }
}
