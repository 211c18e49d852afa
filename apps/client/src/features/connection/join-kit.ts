/**
 * What joining a room needs and the join screen does not: the Colyseus client and the state schemas,
 * presence decoding, voice, the room loader and the stores a session starts with. App imports this
 * when the join screen is up (and waits for it on Join), so the first load is the join screen alone.
 */
export { parseSessionBrand, withSessionBrand } from "@otc/rooms";
export { AvatarRegistry } from "../avatars/avatar-registry.js";
export { createComfortStore, pageStorage } from "../comfort/comfort-store.js";
export { createA11yStore } from "../a11y/a11y-store.js";
export { createWorldUi } from "../hand-menu/world-ui.js";
export { PresenceReceiver } from "../presence/presence-receiver.js";
export { loadRoom } from "../room/load-room.js";
export { VoiceEngine } from "../voice/voice-engine.js";
export { loadVoicePrefs } from "../voice/voice-prefs.js";
export { joinTrainingRoom } from "./join-room.js";
export { createSessionStore } from "./session-store.js";

export type JoinKit = typeof import("./join-kit.js");
