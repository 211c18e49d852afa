export * from "./clean-text.js";
export * from "./word-cloud.js";
export * from "./poll-book.js";
export * from "./csv.js";
