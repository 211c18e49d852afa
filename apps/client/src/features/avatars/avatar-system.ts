import { Lod, cueView, nextSpeaking, parseAppearance, seedOf, selectLod, type SpeakingState } from "@otc/avatars";
import type { Participant, TrainingState } from "@otc/contract";
import type { AvatarPose } from "@otc/presence";
import { Sphere, type Frustum, type Vector3 } from "three";
import type { PresenceReceiver } from "../presence/presence-receiver.js";
import { AvatarAnimator } from "./avatar-animator.js";
import { AvatarCrowd } from "./avatar-crowd.js";
import { FULL_DETAIL_MAX, animatesThisFrame, fullDetailLimit } from "./avatar-schedule.js";
import type { AvatarRegistry, AvatarView } from "./avatar-registry.js";
import { GlyphAtlas } from "./glyph-atlas.js";
import { TagBatch, packTag, type PackedTag, type TagQuad } from "./tag-batch.js";
import { layoutTag, type TagContent } from "./tag-layout.js";
import type { Translate } from "@otc/i18n";

interface Entry {
  animator: AvatarAnimator;
  view: AvatarView;
  /** The look last applied (compared field by field: no key string built per frame). */
  appearance: string;
  colour: string;
  speaking: SpeakingState;
  pose: AvatarPose | null;
  animatedAt: number;
  tagKey: string;
  tag: TagQuad[];
  /** `tag` packed at `alpha`, as pushed every frame. */
  packed: PackedTag;
  /** Where the tag hangs (world metres), kept between the frames the avatar is not re-animated. */
  anchor: [number, number, number];
  alpha: number;
  /** This frame: the participant, whether it is re-animated, its distance (m) and level before the cap. */
  participant: Participant | null;
  seenFrame: number;
  due: boolean;
  distance: number;
  lod: Lod;
  /** Whether its body was in the viewer's frustum (this frame once collected). */
  inView: boolean;
  /** Its look changed: re-animated on the next frame, whatever its schedule. */
  dirty: boolean;
}

const TAG_LIFT = 0.3; // metres above the eyes
const REACTION_SIZE = 0.2; // metres
/** A sphere around a standing or seated avatar with raised arms, centred below the eyes. Metres. */
const BODY_DROP = 0.6;
const BODY_RADIUS = 1.1;
/** Half the widest tag at 1 m scale, and where tags start to grow with distance (tag-batch.ts). Metres. */
const TAG_RADIUS = 0.8;
const TAG_GROW_FROM = 3.5;

function newView(id: string): AvatarView {
  const zero: [number, number, number] = [0, 0, 0];
  return {
    id, visible: false, head: [0, 0, 0], bodyYaw: 0, left: null, right: null, lod: Lod.near, model: "default",
    arms: { left: [zero, zero, zero], right: [zero, zero, zero] },
    cues: { speaking: false, muted: false, handRaised: false, away: false, mouth: 0 },
  };
}

/**
 * All remote avatars of a session, per frame: samples presence, skips drawing avatars outside the
 * viewer's frustum, picks each avatar's level of detail from its distance (the nearest
 * FULL_DETAIL_MAX in view in full), animates the nearest and speakers every frame, other near ones
 * every 2nd frame and far or unseen ones at a lower rate, all staggered (avatar-schedule.ts), and
 * draws everyone through one instanced crowd and one
 * batched tag system. The per-frame loop allocates nothing once a crowd has settled.
 */
export class AvatarSystem {
  readonly crowd = new AvatarCrowd();
  readonly atlas = new GlyphAtlas();
  readonly tags = new TagBatch(this.atlas.texture);
  private readonly entries = new Map<string, Entry>();
  private readonly list: Entry[] = [];
  private near = new Float64Array(64);
  private scratch = new Float64Array(64);
  private nearCount = 0;
  private readonly sphere = new Sphere();
  private frustum: Frustum | null = null;
  private viewer: Vector3 | null = null;
  private nowMs = 0;
  private frame = 0;
  private t: Translate | null = null;

  constructor(
    private readonly state: TrainingState,
    private readonly selfId: string,
    private readonly presence: PresenceReceiver,
    private readonly registry: AvatarRegistry,
  ) {}

  /** One frame: `viewer` is the eye in world metres; `frustum` (null: draw everyone) what it sees. */
  update(viewer: Vector3, frustum: Frustum | null, nowMs: number): void {
    const started = performance.now();
    this.frame++;
    this.viewer = viewer;
    this.frustum = frustum;
    this.nowMs = nowMs;
    this.crowd.begin();
    this.tags.begin();
    this.list.length = 0;
    this.nearCount = 0;
    this.state.participants.forEach(this.collect);
    const limit = fullDetailLimit(this.near, this.nearCount, FULL_DETAIL_MAX, this.scratch);
    let updated = 0;
    const stats = this.registry.stats;
    stats.nearAvatars = 0;
    stats.farAvatars = 0;
    stats.culledAvatars = 0;
    for (const e of this.list) {
      const lod = e.lod === Lod.near && e.distance > limit ? Lod.far : e.lod;
      if (lod === Lod.near) stats.nearAvatars++;
      else stats.farAvatars++;
      if (!e.inView) stats.culledAvatars++;
      if (lod !== e.animator.lod) e.due = true;
      if (e.due) {
        this.animate(e, e.participant!, lod);
        updated++;
      }
      if (e.inView) {
        if (e.view.model !== "model") e.animator.draw(this.crowd);
        this.tags.pushPacked(e.anchor, e.packed);
      } else if (this.tagInView(e)) {
        this.tags.pushPacked(e.anchor, e.packed);
      }
    }
    for (const r of this.registry.reactions.active(nowMs, this.registry.reducedMotion)) {
      const head = this.entries.get(r.owner)?.view.head;
      if (!head) continue;
      const q: TagQuad = { x: -REACTION_SIZE / 2 + r.drift, y: 0.55 + r.rise, w: REACTION_SIZE, h: REACTION_SIZE, cell: this.atlas.icon(r.reaction), rgba: [1, 1, 1, 1], grow: 1 };
      this.tags.push([head[0], head[1] + TAG_LIFT, head[2]], q, r.opacity);
    }
    for (const [id, e] of this.entries) {
      if (e.seenFrame === this.frame) continue;
      this.entries.delete(id);
      this.registry.views.delete(id);
      this.registry.voice.forget(id);
    }
    stats.instances = this.crowd.end() + this.tags.end();
    stats.updatedThisFrame = updated;
    stats.updateMs = performance.now() - started;
  }

  /** First pass, per participant: pose (sampled only when due), distance, frustum, level before the cap. */
  private readonly collect = (p: Participant, id: string): void => {
    if (id === this.selfId) return;
    const e = this.entry(id, p);
    e.seenFrame = this.frame;
    e.participant = p;
    const index = this.list.length;
    const distance = e.speaking.kind === "silent" ? e.distance : 0; // last frame's; a speaker animates as if close (lip-sync)
    e.due = e.dirty || e.pose === null || animatesThisFrame(e.animator.lod, e.inView, this.frame, index, this.nowMs - e.animatedAt, distance);
    if (e.due && p.connected) e.pose = this.presence.sample(p.slot, this.nowMs) ?? e.pose; // frozen while reconnecting
    e.view.visible = e.pose !== null;
    if (!e.pose) return;
    const head = e.pose.head.p;
    const viewer = this.viewer!;
    const dx = head[0] - viewer.x;
    const dy = head[1] - viewer.y;
    const dz = head[2] - viewer.z;
    e.distance = Math.sqrt(dx * dx + dy * dy + dz * dz); // not Math.hypot: several times slower, for 300 avatars a frame
    this.sphere.center.set(head[0], head[1] - BODY_DROP, head[2]);
    this.sphere.radius = BODY_RADIUS;
    const inView = this.frustum === null || this.frustum.intersectsSphere(this.sphere);
    if (inView && !e.inView && !e.due) {
      e.due = true; // back in view: drawn fresh, not as it was when it left
      if (p.connected) e.pose = this.presence.sample(p.slot, this.nowMs) ?? e.pose;
    }
    e.inView = inView;
    e.lod = selectLod(e.distance, e.animator.lod);
    if (inView && e.lod === Lod.near) {
      if (this.nearCount >= this.near.length) this.growNear();
      this.near[this.nearCount++] = e.distance;
    }
    this.list.push(e);
  };

  /** Re-animates one avatar: voice cues, level of detail, parts, the view others read, its tag. */
  private animate(e: Entry, p: Participant, lod: Lod): void {
    e.dirty = false;
    const id = e.view.id;
    const level = this.registry.voice.levelOf(id);
    const muted = this.registry.voice.isMuted(id);
    e.speaking = nextSpeaking(e.speaking, level, muted, this.nowMs);
    const cues = cueView({ speaking: e.speaking, level, muted, handRaised: p.handRaised, away: p.away, connected: p.connected });
    const pose = e.pose!;
    if (p.connected) {
      e.animator.lod = lod;
      e.animator.animate(pose, cues, this.nowMs, Math.min(0.5, (this.nowMs - e.animatedAt) / 1000), e.view);
      e.animatedAt = this.nowMs;
    }
    const v = e.view;
    const head = pose.head.p;
    v.head[0] = head[0];
    v.head[1] = head[1];
    v.head[2] = head[2];
    v.lod = lod;
    v.cues.speaking = cues.speakingRing;
    v.cues.muted = cues.mutedIcon;
    v.cues.handRaised = cues.handRaised;
    v.cues.away = cues.away;
    v.cues.mouth = cues.mouth;
    const alpha = p.connected ? 1 : 0.6;
    if (this.layoutTag(e, p, cues.speakingRing, muted) || alpha !== e.alpha) e.packed = packTag(e.tag, alpha, e.packed);
    e.anchor[0] = head[0];
    e.anchor[1] = head[1] + TAG_LIFT;
    e.anchor[2] = head[2];
    e.alpha = alpha;
  }

  /** Whether the tag of an avatar whose body is out of view still shows (tags grow with distance). */
  private tagInView(e: Entry): boolean {
    if (this.frustum === null || e.tag.length === 0) return false;
    this.sphere.center.set(e.anchor[0], e.anchor[1], e.anchor[2]);
    this.sphere.radius = TAG_RADIUS * Math.max(1, e.distance / TAG_GROW_FROM);
    return this.frustum.intersectsSphere(this.sphere);
  }

  private growNear(): void {
    const near = new Float64Array(this.near.length * 2);
    near.set(this.near);
    this.near = near;
    this.scratch = new Float64Array(near.length);
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

  /** Lays the tag out again when what it shows changed; returns whether it did. */
  private layoutTag(e: Entry, p: Participant, speaking: boolean, muted: boolean): boolean {
    const key = `${p.name}\u0000${p.colour}|${p.role}|${muted}|${speaking}|${p.away}|${p.handRaised}|${p.connected}`;
    if (key === e.tagKey) return false;
    const t = this.t;
    const role = t && (p.role === "facilitator" || p.role === "co-facilitator") ? t(`role.${p.role}`) : null;
    const words = t ? { away: t("room.away"), reconnecting: t("room.reconnecting") } : { away: "", reconnecting: "" };
    const content: TagContent = { name: p.name, colour: p.colour, role, words, muted, speaking, away: p.away, handRaised: p.handRaised, reconnecting: !p.connected };
    e.tag = layoutTag(this.atlas, content);
    e.tagKey = key;
    return true;
  }

  private entry(id: string, p: Participant): Entry {
    let e = this.entries.get(id);
    if (!e) {
      e = {
        animator: new AvatarAnimator(seedOf(id)), view: newView(id), appearance: "", colour: "", speaking: { kind: "silent" }, pose: null, animatedAt: 0, tagKey: "", tag: [], packed: packTag([], 1),
        anchor: [0, 0, 0], alpha: 1, participant: null, seenFrame: 0, due: true, distance: 0, lod: Lod.near, inView: true, dirty: true,
      };
      this.entries.set(id, e);
      this.registry.views.set(id, e.view);
    }
    if (p.appearance !== e.appearance || p.colour !== e.colour) {
      e.animator.setAppearance(parseAppearance(p.appearance, p.colour));
      e.appearance = p.appearance;
      e.colour = p.colour;
      e.dirty = true; // re-animate with the new look
    }
    return e;
  }
}
