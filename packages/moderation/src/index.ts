export * from "./hand-queue.js";
export * from "./admission-gate.js";
