/**
 * What the client reports of a person's own actions, each stamped with its own clock (ms). Poses
 * are the head's floor position (metres) and yaw (radians, counter-clockwise seen from above); they
 * feed detectors and are never sent anywhere.
 */
export type OnboardingEvent =
  | { kind: "pose"; at: number; x: number; z: number; yaw: number }
  | { kind: "comfort"; at: number }
  /** A deliberate jump (teleport landing, click-to-walk arrival) and where it landed. */
  | { kind: "teleport"; at: number; x: number; z: number }
  | { kind: "snap-turn"; at: number }
  /** The hand menu opened; `byPalm`: by turning the left palm up (the tracked hands' way), not a button. */
  | { kind: "menu-open"; at: number; byPalm?: boolean }
  | { kind: "mute"; at: number; muted: boolean }
  | { kind: "hand"; at: number; raised: boolean }
  | { kind: "reaction"; at: number }
  /** A stroke of one's own on a board; `length`: its path length in board pixels (a dot or a note: 0). */
  | { kind: "stroke"; at: number; boardId: string; length: number }
  | { kind: "screen-pointer"; at: number; screenId: string }
  | { kind: "page-turn"; at: number; screenId: string }
  /** The person set how they use the room (seated or standing) and their height was measured. */
  | { kind: "posture"; at: number };

/** Where a step sends the person (the marked spot), the practice board and screen; from the room layout. */
export interface OnboardingPlaces {
  /** Centre of the marked spot on the floor (x, z metres) and its radius (metres). */
  spot: { x: number; z: number; radius: number };
  /** The board whose strokes count; null: any board. */
  boardId: string | null;
  /** The screen whose pointer and pages count; null: any screen. */
  screenId: string | null;
}
