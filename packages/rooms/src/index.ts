export * from "./placements.js";
export * from "./collisions.js";
export * from "./validate.js";
export * from "./budget.js";
export * from "./draft-room.js";
export * from "./floor-height.js";
export * from "./session-brand.js";
export * from "./portal-target.js";
