import type { FeatureFactory } from "../../rooms/room-feature.js";
import { ALIVE_EVERY_MS, AttendanceLog } from "./attendance-log.js";

/** Attendance: one stored event per join, leave, drop and reconnect of a session's room, and the room's own open/alive marks. */
export const attendanceFeature: FeatureFactory = (ctx) => {
  const log = ctx.session ? new AttendanceLog({ storage: ctx.storage, sessionId: ctx.sessionId, now: ctx.now, log: ctx.log }) : undefined;
  if (log) {
    log.record({ event: "open" });
    ctx.every(ALIVE_EVERY_MS, () => log.record({ event: "alive" }));
  }
  const personOf = (id: string) => ctx.roster.identity(id)?.personId;
  return {
    name: "attendance",
    join: (client, p) => {
      const email = p.options.email ? { email: p.options.email } : {}; // only where the session asks (onAuth drops it otherwise)
      log?.record({ event: "join", personId: p.personId, name: p.options.name, role: p.role, device: p.options.device, connection: client.sessionId, ...email });
    },
    drop: (client) => {
      const personId = personOf(client.sessionId);
      if (personId) log?.record({ event: "drop", personId, connection: client.sessionId });
    },
    reconnect: (client) => {
      const personId = personOf(client.sessionId);
      if (personId) log?.record({ event: "reconnect", personId, connection: client.sessionId });
    },
    leave: (client, p) => p && log?.record({ event: "leave", personId: p.personId, name: p.name, role: p.role, device: p.device, connection: client.sessionId }),
  };
};
