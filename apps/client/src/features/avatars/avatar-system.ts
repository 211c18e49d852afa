import { Lod, cueView, nextSpeaking, parseAppearance, seedOf, selectLod, updatesThisFrame, type SpeakingState } from "@otc/avatars";
import type { Participant, TrainingState } from "@otc/contract";
import type { AvatarPose } from "@otc/presence";
import type { Vector3 } from "three";
import type { PresenceReceiver } from "../presence/presence-receiver.js";
import { AvatarAnimator } from "./avatar-animator.js";
import { AvatarCrowd } from "./avatar-crowd.js";
import type { AvatarRegistry, AvatarView } from "./avatar-registry.js";
import { GlyphAtlas } from "./glyph-atlas.js";
import { TagBatch, type TagQuad } from "./tag-batch.js";
import { layoutTag, type TagContent } from "./tag-layout.js";
import type { Translate } from "@otc/i18n";

interface Entry {
  animator: AvatarAnimator;
  view: AvatarView;
  appearanceKey: string;
  speaking: SpeakingState;
  pose: AvatarPose | null;
  animatedAt: number;
  cueKey: string;
  tagKey: string;
  tag: TagQuad[];
}

const TAG_LIFT = 0.3; // metres above the eyes
const REACTION_SIZE = 0.2; // metres

function newView(id: string): AvatarView {
  const zero: [number, number, number] = [0, 0, 0];
  return {
    id, visible: false, head: [0, 0, 0], bodyYaw: 0, left: null, right: null, lod: Lod.near, model: "default",
    arms: { left: [zero, zero, zero], right: [zero, zero, zero] },
    cues: { speaking: false, muted: false, handRaised: false, away: false, mouth: 0 },
  };
}

/**
 * All remote avatars of a session, per frame: samples presence, picks each avatar's level of detail
 * from its distance, animates near avatars every frame and far ones at a lower, staggered rate, and
 * draws everyone through one instanced crowd and one batched tag system.
 */
export class AvatarSystem {
  readonly crowd = new AvatarCrowd();
  readonly atlas = new GlyphAtlas();
  readonly tags = new TagBatch(this.atlas.texture);
  private readonly entries = new Map<string, Entry>();
  private frame = 0;
  private t: Translate | null = null;

  constructor(
    private readonly state: TrainingState,
    private readonly selfId: string,
    private readonly presence: PresenceReceiver,
    private readonly registry: AvatarRegistry,
  ) {}

  update(viewer: Vector3, nowMs: number): void {
    const started = performance.now();
    this.frame++;
    this.crowd.begin();
    this.tags.begin();
    const seen = new Set<string>();
    let index = 0;
    let updated = 0;
    const stats = this.registry.stats;
    stats.nearAvatars = 0;
    stats.farAvatars = 0;
    this.state.participants.forEach((p, id) => {
      if (id === this.selfId) return;
      seen.add(id);
      const e = this.entry(id, p);
      if (p.connected) e.pose = this.presence.sample(p.slot, nowMs) ?? e.pose; // frozen while reconnecting
      e.view.visible = e.pose !== null;
      if (!e.pose) return;
      const head = e.pose.head.p;
      const lod = selectLod(Math.hypot(head[0] - viewer.x, head[1] - viewer.y, head[2] - viewer.z), e.animator.lod);
      if (lod === Lod.near) stats.nearAvatars++;
      else stats.farAvatars++;
      const level = this.registry.voice.levelOf(id);
      const muted = this.registry.voice.isMuted(id);
      e.speaking = nextSpeaking(e.speaking, level, muted, nowMs);
      const cues = cueView({ speaking: e.speaking, level, muted, handRaised: p.handRaised, away: p.away, connected: p.connected });
      const cueKey = `${cues.speakingRing}${cues.handRaised}${cues.away}${cues.mutedIcon}`;
      const changed = lod !== e.animator.lod || cueKey !== e.cueKey || cues.mouth > 0;
      if (p.connected && (changed || updatesThisFrame(lod, this.frame, index))) {
        e.animator.lod = lod;
        e.animator.animate(e.pose, cues, nowMs, Math.min(0.5, (nowMs - e.animatedAt) / 1000), e.view);
        e.animatedAt = nowMs;
        e.cueKey = cueKey;
        updated++;
      }
      index++;
      const v = e.view;
      v.head[0] = head[0];
      v.head[1] = head[1];
      v.head[2] = head[2];
      v.lod = lod;
      v.cues.speaking = cues.speakingRing;
      v.cues.muted = cues.mutedIcon;
      v.cues.handRaised = cues.handRaised;
      v.cues.away = cues.away;
      v.cues.mouth = cues.mouth;
      if (e.view.model !== "model") e.animator.draw(this.crowd);
      this.drawTag(e, p, cues.speakingRing, muted, head);
    });
    for (const r of this.registry.reactions.active(nowMs, this.registry.reducedMotion)) {
      const head = this.entries.get(r.owner)?.view.head;
      if (!head) continue;
      const q: TagQuad = { x: -REACTION_SIZE / 2 + r.drift, y: 0.55 + r.rise, w: REACTION_SIZE, h: REACTION_SIZE, cell: this.atlas.icon(r.reaction), rgba: [1, 1, 1, 1], grow: 1 };
      this.tags.push([head[0], head[1] + TAG_LIFT, head[2]], q, r.opacity);
    }
    for (const id of this.entries.keys()) {
      if (seen.has(id)) continue;
      this.entries.delete(id);
      this.registry.views.delete(id);
      this.registry.voice.forget(id);
    }
    stats.instances = this.crowd.end() + this.tags.end();
    stats.updatedThisFrame = updated;
    stats.updateMs = performance.now() - started;
  }

  /** Words name tags (role badge, away, reconnecting) in the page's language; every tag is laid out again. */
  setTranslator(t: Translate): void {
    this.t = t;
    for (const e of this.entries.values()) e.tagKey = "";
  }

  dispose(): void {
    this.crowd.dispose();
    this.tags.dispose();
    this.atlas.texture.dispose();
  }

  private drawTag(e: Entry, p: Participant, speaking: boolean, muted: boolean, head: readonly number[]): void {
    const key = `${p.name}\u0000${p.colour}|${p.role}|${muted}|${speaking}|${p.away}|${p.handRaised}|${p.connected}`;
    if (key !== e.tagKey) {
      const t = this.t;
      const role = t && (p.role === "facilitator" || p.role === "co-facilitator") ? t(`role.${p.role}`) : null;
      const words = t ? { away: t("room.away"), reconnecting: t("room.reconnecting") } : { away: "", reconnecting: "" };
      const content: TagContent = { name: p.name, colour: p.colour, role, words, muted, speaking, away: p.away, handRaised: p.handRaised, reconnecting: !p.connected };
      e.tag = layoutTag(this.atlas, content);
      e.tagKey = key;
    }
    const anchor = [head[0]!, head[1]! + TAG_LIFT, head[2]!];
    const alpha = p.connected ? 1 : 0.6;
    for (const q of e.tag) this.tags.push(anchor, q, alpha);
  }

  private entry(id: string, p: Participant): Entry {
    let e = this.entries.get(id);
    if (!e) {
      e = { animator: new AvatarAnimator(seedOf(id)), view: newView(id), appearanceKey: "", speaking: { kind: "silent" }, pose: null, animatedAt: 0, cueKey: "", tagKey: "", tag: [] };
      this.entries.set(id, e);
      this.registry.views.set(id, e.view);
    }
    const key = `${p.appearance}|${p.colour}`;
    if (key !== e.appearanceKey) {
      e.animator.setAppearance(parseAppearance(p.appearance, p.colour));
      e.appearanceKey = key;
      e.cueKey = ""; // re-animate with the new look
    }
    return e;
  }
}
