export { encodeDeltas, decodeDeltas, pointsInside, simplify } from "./points.js";
export { BoardModel, UNDO_DEPTH, type Actor, type BoardChange, type BoardState, type Plan } from "./board-model.js";
export { BoardReplica } from "./board-replica.js";
export { templateItems } from "./templates.js";
export { itemsAt } from "./hit-test.js";
export { boardToSvg, HIGHLIGHTER_ALPHA } from "./export-svg.js";
