import type { ContributionKind } from "@otc/record";
import type { Storage } from "../../storage/storage.js";

/** Stream of what people did that the report counts and no document keeps (hands, reactions, board items, talk time). */
export const ENGAGEMENT_STREAM = "engagement";

export interface StoredContribution {
  personId: string;
  kind: ContributionKind;
  amount?: number;
}

export interface ContributionPort {
  storage: Storage;
  sessionId: string;
  now: () => number;
  log: (line: string) => void;
}

/**
 * Stores one contribution for the training record (an event, appended in the background). A failed
 * write is logged, never thrown: the report may miss a count, the room never misses a beat.
 */
export function contributed(port: ContributionPort, personId: string | undefined, kind: ContributionKind, amount?: number): void {
  if (!port.sessionId || !personId) return;
  const body: StoredContribution = amount === undefined ? { personId, kind } : { personId, kind, amount };
  port.storage.appendEvent(port.sessionId, ENGAGEMENT_STREAM, body, port.now()).catch((e: unknown) => {
    port.log(`record: a ${kind} of ${port.sessionId} not saved: ${String(e)}`);
  });
}
