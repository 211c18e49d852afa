export * from "./plan.js";
export * from "./running.js";
