export * from "./placements.js";
export * from "./collisions.js";
export * from "./validate.js";
