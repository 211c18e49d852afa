export * from "./timer.js";
