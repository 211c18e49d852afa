import { notice, type Notice, type TrainingState, type VoiceModerateMessage, type VoiceMuteMessage } from "@otc/contract";
import { can } from "@otc/roles";
import { moderate, selfMute, type VoiceChange, type VoiceDecision, type VoiceSeat } from "@otc/voice";
import type { Parsed } from "../../parsed.js";
import type { VoiceStats } from "./voice-stats.js";

/**
 * Mute and moderation, decided by the @otc/voice rules and written to the room state (which every
 * client, and the SFU bridge, acts on). Participants' roles come from the state; `moderate` is the
 * permission that guards every facilitator action.
 */
export class VoiceModeration {
  constructor(
    private readonly state: TrainingState,
    private readonly stats: VoiceStats,
    /** Called after changes are applied (the SFU bridge stops or resumes forwarding). */
    private readonly onChange: (changes: readonly VoiceChange[]) => void = () => undefined,
  ) {}

  /** A person muting or unmuting themselves; a refusal comes back as a notice for them. */
  selfMute(id: string, parsed: Parsed<VoiceMuteMessage>): Notice | undefined {
    const seat = this.seat(id);
    if (!parsed.ok || !seat) return this.invalid(parsed);
    return this.apply(selfMute(seat, parsed.value.muted, { muteLocked: this.state.muteLocked, spatial: this.state.spatialAudio }));
  }

  moderate(id: string, parsed: Parsed<VoiceModerateMessage>): Notice | undefined {
    const actor = this.seat(id);
    if (!parsed.ok || !actor) return this.invalid(parsed);
    const seats: VoiceSeat[] = [];
    this.state.participants.forEach((_p, pid) => seats.push(this.seat(pid)!));
    return this.apply(moderate(actor, parsed.value, seats));
  }

  private seat(id: string): VoiceSeat | undefined {
    const p = this.state.participants.get(id);
    return p && { id, moderator: can(p.role, "moderate"), muted: p.muted, presenter: p.presenter };
  }

  private apply(decision: VoiceDecision): Notice | undefined {
    if (!decision.ok) {
      this.stats.dropped.refused++;
      return notice(decision.reason);
    }
    for (const c of decision.changes) {
      if (c.kind === "muted") this.state.participants.get(c.id)!.muted = c.muted;
      else if (c.kind === "presenter") this.state.participants.get(c.id)!.presenter = c.presenter;
      else if (c.kind === "mute-locked") this.state.muteLocked = c.locked;
      else this.state.spatialAudio = c.spatial;
    }
    if (decision.changes.length > 0) this.onChange(decision.changes);
    return undefined;
  }

  private invalid(parsed: Parsed<unknown>): Notice | undefined {
    this.stats.dropped.invalid++;
    return parsed.ok ? undefined : notice("voice-invalid", { detail: parsed.detail });
  }
}
