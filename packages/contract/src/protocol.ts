/**
 * Wire protocol identity. Bump PROTOCOL_VERSION whenever a message, a schema field or the
 * presence frame layout changes in a way an older client cannot read.
 */
export const PROTOCOL_VERSION = 2;

/** The Colyseus room type every training session runs in (one room per session id). */
export const TRAINING_ROOM = "training";

/** Seconds a dropped participant keeps their seat before their avatar is removed. */
export const RECONNECT_WINDOW_S = 30;

/** Rate at which clients send, and the server relays, presence. */
export const PRESENCE_HZ = 20;
