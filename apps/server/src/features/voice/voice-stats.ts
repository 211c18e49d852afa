/** Counters a room keeps about voice signalling and moderation; tests and operators read them. */
export interface VoiceStats {
  relayed: number;
  dropped: { invalid: number; rateLimited: number; unknownPeer: number; refused: number };
}

export function createVoiceStats(): VoiceStats {
  return { relayed: 0, dropped: { invalid: 0, rateLimited: 0, unknownPeer: 0, refused: 0 } };
}
