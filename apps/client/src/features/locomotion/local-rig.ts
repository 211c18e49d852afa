import { spawnPointFor, type RoomLayout } from "@otc/contract";
import { floorHeightOn, obstacleRects, stagePlatforms, type Platform, type Rect } from "@otc/rooms";
import { Vector3, type Group } from "three";
import type { Pose } from "@otc/presence";
import type { TurnKeys } from "./keyboard.js";
import type { MoveKeys, WalkStick } from "./walkable.js";

/** Eye height of a standing desktop user (metres). */
export const EYE_HEIGHT = 1.6;

/**
 * The local person's per-frame movement state, shared by the locomotion, XR and presence
 * features through the session context (mutable by design: it is written every frame, never
 * rendered by React).
 */
export class LocalRig {
  /** Desktop head position (metres, world). */
  readonly desktopHead = new Vector3();
  /** Desktop view yaw and pitch (radians). */
  yaw = 0;
  pitch = 0;
  /** The touch joystick's deflection (features/touch), walked like the keys by DesktopControls; 0, 0 at rest. */
  readonly walkStick: WalkStick = { x: 0, y: 0 };
  /** Walking keys held down (W A S D, arrows), tracked by KeyboardWalk from the moment the room shows; walked by DesktopControls. */
  readonly moveKeys: MoveKeys = { forward: false, back: false, left: false, right: false };
  /** Turning keys held down (Q, E), tracked with the walking keys. */
  readonly turnKeys: TurnKeys = { left: false, right: false };
  /** Click-to-walk destination on the floor, or null. */
  walkTarget: Vector3 | null = null;
  /** The XR origin group (feet of the player in VR); set by the XR rig component. */
  origin: Group | null = null;
  /** Resolved every frame in the local-avatar phase: world poses the sender reads. */
  head: Pose = { p: [0, EYE_HEIGHT, 0], q: [0, 0, 0, 1] };
  left: Pose | null = null;
  right: Pose | null = null;
  /** Metres the XR origin is lifted (seated mode, see avatars/AvatarVrControls); 0 standing. */
  heightOffset = 0;
  /** Height of the floor under the person (a stage), metres, eased toward `floorHeightAt` as they step up or down. */
  floorY = 0;
  /** The origin moved smoothly this frame (left-stick walk or smooth turn): the comfort vignette shows. */
  smoothMotion = false;
  /** Seconds of frame time in which the left stick walked the person (frame steps as the rig applied them): distance / these = the walking speed, however slow the frames. */
  walkSeconds = 0;
  /** Set by the hand menu's *Recalibrate height*; the avatar controls take the current head height and clear it. */
  recalibrateHeight = false;
  /** The way the spawn point faces (radians): *Recentre* turns the view back to it. */
  readonly homeYaw: number;
  /** Set by *Recentre* (menu, hand menu, R): the rig turns the view to `homeYaw`, level, and clears it. */
  recentre = false;
  /** Set when the head jumped on purpose (teleport); the next pose message carries `teleport: true`. */
  teleported = false;
  /** Hands whose controller ray is on a whiteboard (set by the whiteboard feature): their trigger draws, not teleports. */
  readonly handsOnBoard = { left: false, right: false };
  /** Hands whose ray is on an in-world panel (hand menu), or whose trigger was pressed there and is still held: their trigger neither draws nor teleports. */
  readonly handsOnUi = { left: false, right: false };
  /** Furniture footprints and colliders of the room: walking stops at them, teleports cannot land in them. */
  readonly obstacles: Rect[];
  /** Stages people stand on (the floor rises there). */
  readonly platforms: Platform[];

  /** `spawnIndex`: the spawn point the server chose for this person (Participant.spawn). */
  constructor(layout: RoomLayout, spawnIndex: number) {
    this.obstacles = obstacleRects(layout);
    this.platforms = stagePlatforms(layout);
    const spawn = spawnPointFor(layout, spawnIndex);
    this.floorY = floorHeightOn(this.platforms, spawn.position[0], spawn.position[2]);
    this.desktopHead.set(spawn.position[0], EYE_HEIGHT + this.floorY, spawn.position[2]);
    this.yaw = (spawn.yawDeg * Math.PI) / 180;
    this.homeYaw = this.yaw;
    this.head = { p: [spawn.position[0], EYE_HEIGHT + this.floorY, spawn.position[2]], q: [0, Math.sin(this.yaw / 2), 0, Math.cos(this.yaw / 2)] };
  }

  /**
   * Steps the floor height toward the floor under (x, z) over about a fifth of a second (a stair,
   * not a lift), and returns it. `dt` in seconds.
   */
  followFloor(x: number, z: number, dt: number): number {
    const target = floorHeightOn(this.platforms, x, z);
    this.floorY += (target - this.floorY) * Math.min(1, dt * 12);
    if (Math.abs(target - this.floorY) < 0.002) this.floorY = target;
    return this.floorY;
  }
}
