import type { TrainingState, VoiceSfuClientMessage } from "@otc/contract";
import { DEFAULT_SELECTION, LOW_BANDWIDTH_SELECTION, selectSubscriptions, type Candidate, type Vec3, type VoiceRules } from "@otc/voice";
import type { SfuRoom } from "./sfu-room.js";

/** Level given to someone Janus reports as talking, for the loudest-first ranking (RMS-like, 0..1). */
const TALKING_LEVEL = 0.1;

/**
 * SFU mode of one room: forwards publish/answer messages to the Janus room, and once a second picks
 * what each listener receives: presenters, then the nearest/loudest up to the cap (@otc/voice),
 * from the poses the server already validates and Janus' talking events.
 */
export class SfuVoice {
  private readonly current = new Map<string, Set<string>>();

  constructor(
    readonly room: SfuRoom,
    private readonly state: TrainingState,
    private readonly heads: ReadonlyMap<string, Vec3>,
    private readonly rules: () => VoiceRules,
    /** Whether a listener is in low-bandwidth mode (fewer voices). */
    private readonly isLow: (id: string) => boolean = () => false,
  ) {}

  async receive(id: string, message: VoiceSfuClientMessage): Promise<void> {
    if (message.kind === "publish") await this.room.publish(id, message.sdp);
    else await this.room.answer(id, message.sdp, message.offer);
  }

  /** One selection round for every connected person. */
  async tick(): Promise<void> {
    const candidates: Candidate[] = [];
    this.state.participants.forEach((p, id) => {
      const head = this.heads.get(id);
      if (!head || !p.connected || !this.room.isPublished(id)) return;
      // Muted people stay eligible (ranked as silent): unmuting then needs no renegotiation, and
      // Janus already stops forwarding them (moderate), which is the enforcement.
      candidates.push({ id, head, presenter: p.presenter, muted: false, level: this.room.talking.get(id) && !p.muted ? TALKING_LEVEL : 0 });
    });
    const rules = this.rules();
    const work: Array<Promise<void>> = [];
    this.state.participants.forEach((p, id) => {
      const head = this.heads.get(id);
      if (!head || !p.connected) return;
      const chosen = selectSubscriptions({ id, head }, candidates, rules, this.current.get(id) ?? new Set(), this.isLow(id) ? LOW_BANDWIDTH_SELECTION : DEFAULT_SELECTION);
      this.current.set(id, new Set(chosen));
      work.push(this.room.setReceiving(id, chosen));
    });
    await Promise.all(work);
  }

  async leave(id: string): Promise<void> {
    this.current.delete(id);
    await this.room.leave(id);
  }
}
