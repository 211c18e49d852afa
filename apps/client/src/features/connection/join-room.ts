import { Client, type Room } from "@colyseus/sdk";
import { WordedError } from "../i18n/wording.js";
import { PROTOCOL_VERSION, RECONNECT_WINDOW_S, ServerMessage, TRAINING_ROOM, TrainingState, type BandwidthMode, type DeviceKind, type JoinOptions } from "@otc/contract";

export type TrainingRoom = Room<unknown, TrainingState>;

export interface JoinRequest {
  sessionId: string;
  name: string;
  colour: string;
  device: DeviceKind;
  /** Signed invitation token from the link. */
  link: string;
  personKey: string;
  /** Low-bandwidth mode, as chosen on the join screen (absent: normal). */
  bandwidth?: BandwidthMode;
  /** Where the session asks for one: the person's email for the learning record (the server drops it elsewhere). */
  email?: string;
}

/**
 * How long a joined page waits for the room's first state before saying so, ms. Not 10 s: on a busy
 * machine (six software-rendered pages on a 2-core box) a joiner got "no room state" twice at 10 s, and
 * a headset on a slow link would give up on a join that may be about to work.
 */
const FIRST_STATE_TIMEOUT_MS = 30_000;
/** Longest pause between reconnection attempts, ms: keep trying often through the whole seat window. */
const RETRY_MAX_DELAY_MS = 2000;

/**
 * Joins (or creates) the session's training room and waits for the first full state. Presence
 * frames are handed to `onPresenceFrame` from the very first one (the keyframe every later delta
 * builds on), so the handler is attached before anything else can run.
 */
export async function joinTrainingRoom(
  endpoint: string,
  request: JoinRequest,
  onPresenceFrame: (frame: Uint8Array) => void,
): Promise<TrainingRoom> {
  const client = new Client(endpoint);
  const options: JoinOptions = { protocol: PROTOCOL_VERSION, ...request };
  const room = await client.joinOrCreate<TrainingState>(TRAINING_ROOM, options, TrainingState);
  room.onMessage(ServerMessage.presenceFrame, onPresenceFrame);
  room.reconnection.maxDelay = RETRY_MAX_DELAY_MS;
  room.reconnection.maxRetries = Math.ceil((RECONNECT_WINDOW_S * 1000) / RETRY_MAX_DELAY_MS) + 5;
  room.reconnection.minUptime = 1000;
  await firstState(room);
  return room;
}

function firstState(room: TrainingRoom): Promise<void> {
  if (room.state?.roomLayout) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onState = (state: TrainingState) => {
      if (!state.roomLayout) return;
      window.clearTimeout(timer);
      room.onStateChange.remove(onState);
      resolve();
    };
    const timer = window.setTimeout(() => {
      room.onStateChange.remove(onState);
      reject(new WordedError({ key: "errors.noState" }));
    }, FIRST_STATE_TIMEOUT_MS);
    room.onStateChange(onState);
  });
}
