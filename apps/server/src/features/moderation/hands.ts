import type { TrainingState } from "@otc/contract";
import { HandQueue } from "@otc/moderation";

/**
 * The hand-raise queue written to the room state: each Participant's handRaised flag and the
 * ordered `moderation.hands` list; calling on the next hand gives that person the stage (presenter
 * audio, heard by everyone) until a facilitator says done.
 */
export class Hands {
  private readonly queue = new HandQueue();

  constructor(private readonly state: TrainingState) {}

  set(id: string, raised: boolean, now: number): void {
    const p = this.state.participants.get(id);
    if (!p) return;
    if (raised) this.queue.raise(id, now);
    else this.queue.lower(id);
    p.handRaised = raised;
    this.sync();
  }

  /** False when no hand is up. */
  callNext(): boolean {
    const id = this.queue.next();
    if (id === undefined) return false;
    this.done();
    const p = this.state.participants.get(id);
    if (p) {
      p.handRaised = false;
      p.presenter = true;
    }
    this.state.moderation.speaking = id;
    this.sync();
    return true;
  }

  done(): void {
    const id = this.state.moderation.speaking;
    if (!id) return;
    const p = this.state.participants.get(id);
    if (p) p.presenter = false;
    this.state.moderation.speaking = "";
  }

  lowerAll(): void {
    for (const id of this.queue.lowerAll()) {
      const p = this.state.participants.get(id);
      if (p) p.handRaised = false;
    }
    this.sync();
  }

  leave(id: string): void {
    this.queue.lower(id);
    if (this.state.moderation.speaking === id) this.state.moderation.speaking = "";
    this.sync();
  }

  private sync(): void {
    const order = this.queue.order();
    const hands = this.state.moderation.hands;
    if (hands.length === order.length && order.every((id, i) => hands[i] === id)) return;
    hands.clear();
    hands.push(...order);
  }
}
