export * from "./types.js";
export * from "./quantise.js";
export { PresenceEncoder, PresenceDecoder, DEADBAND, FRAME_DELTA, FRAME_KEYFRAME } from "./codec.js";
export { RateLimiter } from "./rate-limiter.js";
export { checkPose, defaultPoseRules, type PoseRules, type PoseTrack, type PoseVerdict, type Walkable } from "./rules.js";
export { PoseInterpolator, DEFAULT_INTERPOLATION_DELAY_MS } from "./interpolator.js";
export { simulatedMotion } from "./motion.js";
