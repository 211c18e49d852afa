import { ModerationMessage } from "@otc/contract";
import type { TrainingRoom } from "../connection/join-room.js";

/** The facilitator's moderation messages (the server checks the role; a participant's are refused). */
export function moderationActions(room: TrainingRoom) {
  return {
    remove: (target: string, reason: string) => room.send(ModerationMessage.remove, { target, reason }),
    unblock: (personId: string) => room.send(ModerationMessage.unblock, { personId }),
    lock: (locked: boolean) => room.send(ModerationMessage.lock, { locked }),
    capacity: (capacity: number) => room.send(ModerationMessage.capacity, { capacity }),
    admit: (personId: string, admit: boolean) => room.send(ModerationMessage.admit, { personId, admit }),
    callNext: () => room.send(ModerationMessage.callNext, {}),
    done: () => room.send(ModerationMessage.done, {}),
    lowerAll: () => room.send(ModerationMessage.lowerAll, {}),
  };
}
