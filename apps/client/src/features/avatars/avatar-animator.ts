import { Lod, bodyDimensions, blinkClosure, elbowPole, followYaw, rotateYaw, add, distance, shoulders, solveArm, yawOfQuat, type BodyDimensions, type CueView, type Vec3 } from "@otc/avatars";
import type { Appearance } from "@otc/contract";
import type { AvatarPose, Pose } from "@otc/presence";
import { Color, Matrix4, Quaternion, Vector3 } from "three";
import type { AvatarCrowd, CrowdSlot, HairPart, Part } from "./avatar-crowd.js";
import type { AvatarView } from "./avatar-registry.js";

interface Write {
  part: Part;
  /** The crowd's slot for `part`, resolved on the first draw after the part changed. */
  slot: CrowdSlot | null;
  m: Matrix4;
  colour: Color;
}

const UP = new Vector3(0, 1, 0);
const v1 = new Vector3();
const v2 = new Vector3();
const q1 = new Quaternion();
const q2 = new Quaternion();
const s1 = new Vector3();
const local = new Matrix4();
const HANG = new Quaternion().setFromAxisAngle(new Vector3(1, 0, 0), -Math.PI / 2); // fingers down
const RAISE = new Quaternion().setFromAxisAngle(new Vector3(1, 0, 0), Math.PI / 2); // fingers up

/** Where a hand rests (relative to its shoulder, torso frame) and where a raised hand goes. Metres. */
const REST_OFFSET: Vec3 = [0.05, -0.55, -0.08];
const RAISED_OFFSET: Vec3 = [0.06, 0.55, -0.08];
const ARM_STRETCH_MAX = 1.3;

/**
 * One remote person's default avatar: turns their sampled pose and cues into part matrices (head,
 * face, hair, torso lagging behind the head, IK arms, hands, speaking ring), cached between the
 * frames on which a far avatar is not re-animated.
 */
export class AvatarAnimator {
  lod: Lod = Lod.near;
  private torsoYaw: number | null = null;
  private dims: BodyDimensions = bodyDimensions("regular");
  private hair: HairPart | null = "hair-short";
  private readonly skin = new Color();
  private readonly cloth = new Color();
  private readonly hairColour = new Color();
  private readonly writes: Write[] = [];
  private used = 0;

  constructor(readonly seed: number) {}

  setAppearance(a: Appearance): void {
    this.dims = bodyDimensions(a.body);
    this.hair = a.hair === "none" ? null : `hair-${a.hair}`;
    this.skin.setStyle(a.skin);
    this.cloth.setStyle(a.clothing);
    this.hairColour.setStyle(a.hairColour);
  }

  /** Recomputes the parts from a pose; `dtS` is the time since this avatar was last animated. */
  animate(pose: AvatarPose, cues: CueView, nowMs: number, dtS: number, view: AvatarView): void {
    this.used = 0;
    const head = pose.head;
    const headYaw = yawOfQuat(head.q);
    this.torsoYaw = this.torsoYaw === null ? headYaw : followYaw(this.torsoYaw, headYaw, dtS);
    const yaw = this.torsoYaw;
    view.bodyYaw = yaw;
    const joints = shoulders(head.p, yaw, this.dims);
    const near = this.lod === Lod.near;

    if (near) {
      const headM = this.next("head", this.skin).compose(v1.fromArray(head.p), q1.fromArray(head.q), s1.set(1, 1, 1));
      const blink = 1 - 0.9 * blinkClosure(nowMs, this.seed);
      this.next("eye").multiplyMatrices(headM, local.compose(v2.set(-0.036, 0.014, -0.094), q2.identity(), s1.set(1, blink, 1)));
      this.next("eye").multiplyMatrices(headM, local.compose(v2.set(0.036, 0.014, -0.094), q2.identity(), s1.set(1, blink, 1)));
      this.next("mouth").multiplyMatrices(headM, local.compose(v2.set(0, -0.046, -0.077), q2.identity(), s1.set(1, 0.5 + 2.4 * cues.mouth, 1)));
      if (this.hair) this.next(this.hair, this.hairColour).copy(headM);
      this.next("torso", this.cloth).compose(v1.fromArray(joints.neck), q1.setFromAxisAngle(UP, yaw), s1.set(this.dims.girth[0], 1, this.dims.girth[1]));
    } else {
      this.next("farHead", this.skin).compose(v1.fromArray(head.p), q1.setFromAxisAngle(UP, headYaw), s1.set(1, 1, 1));
      this.next("farBody", this.cloth).compose(v1.fromArray(joints.neck), q1.setFromAxisAngle(UP, yaw), s1.set(this.dims.girth[0], 1, this.dims.girth[1]));
    }

    view.left = pose.left ? [...pose.left.p] : null;
    view.right = pose.right ? [...pose.right.p] : null;
    view.arms.left = this.arm(-1, joints.left, pose.left, false, yaw, near);
    view.arms.right = this.arm(1, joints.right, pose.right, cues.handRaised, yaw, near || cues.handRaised);
    if (cues.speakingRing) this.next("ring").compose(v1.set(head.p[0], 0.03, head.p[2]), q1.identity(), s1.set(1, 1, 1));
  }

  /** Solves and (when `draw`) pushes one arm; returns shoulder, elbow and hand for the view. */
  private arm(side: -1 | 1, shoulder: Vec3, tracked: Pose | null, raised: boolean, yaw: number, draw: boolean): [Vec3, Vec3, Vec3] {
    const offset = raised ? RAISED_OFFSET : REST_OFFSET;
    const target = raised || !tracked ? add(shoulder, rotateYaw([offset[0] * side, offset[1], offset[2]], yaw)) : tracked.p;
    // Longer real arms than the avatar's: stretch the bones (up to 30%) so the hand stays on the controller.
    const reach = this.dims.upper + this.dims.fore;
    const k = Math.min(ARM_STRETCH_MAX, Math.max(1, distance(shoulder, target) / (reach * 0.98)));
    const { elbow, hand } = solveArm(shoulder, target, elbowPole(yaw, side), { upper: this.dims.upper * k, fore: this.dims.fore * k });
    if (draw) {
      this.bone(shoulder, elbow);
      this.bone(elbow, hand);
      if (tracked && !raised) q1.fromArray(tracked.q);
      else q1.setFromAxisAngle(UP, yaw).multiply(raised ? RAISE : HANG);
      this.next("hand", this.skin).compose(v1.fromArray(hand), q1, s1.set(1, 1, 1));
    }
    return [shoulder, elbow, hand];
  }

  private bone(from: Vec3, to: Vec3): void {
    v1.fromArray(from);
    v2.fromArray(to).sub(v1);
    const len = v2.length();
    q2.setFromUnitVectors(UP, v2.normalize());
    this.next("limb", this.cloth).compose(v1, q2, s1.set(1, len, 1));
  }

  private next(part: Part, colour?: Color): Matrix4 {
    let w = this.writes[this.used];
    if (!w) {
      w = { part, slot: null, m: new Matrix4(), colour: new Color(1, 1, 1) };
      this.writes.push(w);
    }
    if (w.part !== part) {
      w.part = part;
      w.slot = null;
    }
    w.colour.copy(colour ?? WHITE);
    this.used++;
    return w.m;
  }

  /** Pushes the cached parts into the crowd (every frame, animated or not). */
  draw(crowd: AvatarCrowd): void {
    for (let i = 0; i < this.used; i++) {
      const w = this.writes[i]!;
      crowd.pushTo((w.slot ??= crowd.slot(w.part)), w.m, w.colour);
    }
  }
}

const WHITE = new Color(1, 1, 1);
