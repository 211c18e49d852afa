import { ServerError } from "@colyseus/core";
import {
  JOIN_REFUSED_CODE,
  PROTOCOL_VERSION,
  joinOptionsSchema,
  rejectionWire,
  type CleanJoinOptions,
} from "@otc/contract";
import { describeIssues } from "../../parsed.js";

/**
 * Checks the options a client joins with and returns them cleaned (trimmed name, lower-case colour).
 * Throws a ServerError with JOIN_REFUSED_CODE and a readable reason otherwise; the protocol version
 * is checked first so an out-of-date page always learns to reload, whatever else it sent.
 */
export function authenticateJoin(options: unknown): CleanJoinOptions {
  const protocol = typeof options === "object" && options !== null ? (options as { protocol?: unknown }).protocol : undefined;
  if (protocol !== PROTOCOL_VERSION) {
    const client = typeof protocol === "number" ? String(protocol) : "none";
    throw new ServerError(
      JOIN_REFUSED_CODE,
      rejectionWire("protocol-mismatch", `server ${PROTOCOL_VERSION}, client ${client}`),
    );
  }
  const parsed = joinOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const email = parsed.error.issues.some((i) => i.path[0] === "email");
    throw new ServerError(JOIN_REFUSED_CODE, rejectionWire(email ? "invalid-email" : "invalid-join", describeIssues(parsed.error.issues)));
  }
  return parsed.data;
}
