/**
 * How far from the head a desktop press on a board still draws, metres. Farther than this a press
 * on a board is a look-around drag (a board 8 m away fills much of the view, and a person dragging
 * to turn must not scribble on it); people who walk up to a board (about 2.4 m in the room) draw.
 */
export const BOARD_REACH_M = 3.5;

/** Whether a board point `distance` metres from the head is within drawing reach. */
export function withinBoardReach(distance: number, reach: number = BOARD_REACH_M): boolean {
  return Number.isFinite(distance) && distance >= 0 && distance <= reach;
}
