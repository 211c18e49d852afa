export * from "./protocol.js";
export * from "./rejections.js";
export * from "./join.js";
export * from "./messages.js";
export * from "./state.js";
export * from "./room-layout.js";
