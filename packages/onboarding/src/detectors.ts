import type { OnboardingDevice, OnboardingStepId } from "@otc/contract";
import type { OnboardingEvent, OnboardingPlaces } from "./events.js";
import type { OnboardingParams } from "./steps.js";

/** Watches one step's events; `feed` answers true once the person has shown the skill. */
export interface Detector {
  feed(event: OnboardingEvent): boolean;
}

const DEG = Math.PI / 180;

/** Smallest signed difference b − a between two angles, radians, in (−π, π]. */
export function angleDelta(a: number, b: number): number {
  let d = (b - a) % (2 * Math.PI);
  if (d > Math.PI) d -= 2 * Math.PI;
  if (d <= -Math.PI) d += 2 * Math.PI;
  return d;
}

/** Follows the view's yaw from the step's first pose, unwrapped, and the furthest it went each way. */
class YawSweep {
  private last: number | undefined;
  total = 0;
  most = 0;
  least = 0;
  feed(yaw: number): void {
    if (this.last !== undefined) this.total += angleDelta(this.last, yaw);
    this.last = yaw;
    this.most = Math.max(this.most, this.total);
    this.least = Math.min(this.least, this.total);
  }
}

/** Turned the head (or dragged the view) at least `degrees` to the left and to the right. */
export function lookDetector(degrees: number): Detector {
  const sweep = new YawSweep();
  return {
    feed: (e) => {
      if (e.kind !== "pose") return false;
      sweep.feed(e.yaw);
      return sweep.most >= degrees * DEG && -sweep.least >= degrees * DEG;
    },
  };
}

/** Desktop and touch: turned the view (mouse or finger drag) at least `degrees` away from where the step began, either way. */
export function mouseTurnDetector(degrees: number): Detector {
  const sweep = new YawSweep();
  return {
    feed: (e) => {
      if (e.kind !== "pose") return false;
      sweep.feed(e.yaw);
      return Math.abs(sweep.total) >= degrees * DEG;
    },
  };
}

/**
 * VR with tracked hands: no thumbstick to snap-turn with, so turning the body (the head's yaw
 * sweeping at least `degrees` from where the step began, either way) counts, as does a snap turn
 * if the person has one.
 */
export function bodyTurnDetector(degrees: number): Detector {
  const sweep = mouseTurnDetector(degrees);
  return { feed: (e) => e.kind === "snap-turn" || sweep.feed(e) };
}

/** VR with tracked hands: the hand menu opened by turning the left palm up (the gesture the step teaches). */
export function palmMenuDetector(): Detector {
  return { feed: (e) => e.kind === "menu-open" && e.byPalm === true };
}

const inSpot = (spot: OnboardingPlaces["spot"], x: number, z: number) => Math.hypot(x - spot.x, z - spot.z) <= spot.radius;

/**
 * Arrived on the marked spot. In VR only a teleport landing inside it counts (the skill is the
 * teleport); on desktop walking in with the keys or a click-to-walk arrival both count.
 */
export function moveDetector(spot: OnboardingPlaces["spot"], vr: boolean): Detector {
  return {
    feed: (e) => {
      if (e.kind === "teleport") return inSpot(spot, e.x, e.z);
      if (e.kind === "pose" && !vr) return inSpot(spot, e.x, e.z);
      return false;
    },
  };
}

/**
 * Muted and unmuted (either order): two opposite toggles at least `minGapMs` apart. A double tap
 * (both within the gap) does not count, nor does the same state reported twice.
 */
export function muteDetector(minGapMs: number): Detector {
  let last: { muted: boolean; at: number } | undefined;
  return {
    feed: (e) => {
      if (e.kind !== "mute") return false;
      const done = last !== undefined && last.muted !== e.muted && e.at - last.at >= minGapMs;
      if (!last || last.muted !== e.muted) last = { muted: e.muted, at: e.at };
      return done;
    },
  };
}

/** Raised then lowered a hand, and sent a reaction (in any order around the hand). */
export function handDetector(): Detector {
  let raised = false;
  let lowered = false;
  let reacted = false;
  return {
    feed: (e) => {
      if (e.kind === "hand") {
        if (e.raised) raised = true;
        else if (raised) lowered = true;
      } else if (e.kind === "reaction") reacted = true;
      return raised && lowered && reacted;
    },
  };
}

/** Shortest stroke that counts as a line, board pixels (a board is 4096 wide): a tap's dot does not. */
export const MIN_LINE_PX = 80;

/** Drew a line on the practice board (any board when the room names none). */
export function drawDetector(boardId: string | null): Detector {
  return { feed: (e) => e.kind === "stroke" && (boardId === null || e.boardId === boardId) && e.length >= MIN_LINE_PX };
}

/** Turned a page of the practice screen; in VR also pointed the laser at it first or after. */
export function slidesDetector(screenId: string | null, needPointer: boolean): Detector {
  const ours = (id: string) => screenId === null || id === screenId;
  let pointed = !needPointer;
  let turned = false;
  return {
    feed: (e) => {
      if (e.kind === "screen-pointer" && ours(e.screenId)) pointed = true;
      if (e.kind === "page-turn" && ours(e.screenId)) turned = true;
      return pointed && turned;
    },
  };
}

/** Done on the first event of one kind (the comfort choice, the hand menu opening, the posture set). */
function onEvent(kind: OnboardingEvent["kind"]): Detector {
  return { feed: (e) => e.kind === kind };
}

/** The detector of one step for one device. */
export function detectorFor(step: OnboardingStepId, device: OnboardingDevice, places: OnboardingPlaces, params: OnboardingParams): Detector {
  const vr = device === "vr-controllers" || device === "vr-hands"; // a touch screen walks and looks as a desktop does
  switch (step) {
    case "comfort":
      return onEvent("comfort");
    case "look":
      return lookDetector(params.lookDegrees);
    case "move":
      return moveDetector(places.spot, vr);
    case "turn":
      if (device === "vr-hands") return bodyTurnDetector(params.turnDegrees);
      return vr ? onEvent("snap-turn") : mouseTurnDetector(params.turnDegrees);
    case "menu":
      return device === "vr-hands" ? palmMenuDetector() : onEvent("menu-open");
    case "mute":
      return muteDetector(params.minToggleMs);
    case "hand":
      return handDetector();
    case "draw":
      return drawDetector(places.boardId);
    case "slides":
      return slidesDetector(places.screenId, vr);
    case "height":
      return onEvent("posture");
  }
}
