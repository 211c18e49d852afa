export * from "./chat-text.js";
export * from "./chat-log.js";
