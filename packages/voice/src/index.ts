export * from "./distance.js";
export * from "./zones.js";
export * from "./hearing.js";
export * from "./selection.js";
export * from "./moderation.js";
