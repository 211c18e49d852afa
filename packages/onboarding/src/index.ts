export * from "./steps.js";
export * from "./events.js";
export * from "./detectors.js";
export * from "./onboarding-run.js";
