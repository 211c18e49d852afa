export * from "./plan.js";
export * from "./running.js";
export * from "./gather.js";
export * from "./prepared.js";
