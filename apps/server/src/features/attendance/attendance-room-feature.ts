import type { FeatureFactory } from "../../rooms/room-feature.js";
import { AttendanceLog } from "./attendance-log.js";

/** Attendance: one stored event per join and leave of a session's room. */
export const attendanceFeature: FeatureFactory = (ctx) => {
  const log = ctx.session ? new AttendanceLog({ storage: ctx.storage, sessionId: ctx.sessionId, now: ctx.now, log: ctx.log }) : undefined;
  return {
    name: "attendance",
    join: (_client, p) => log?.record({ event: "join", personId: p.personId, name: p.options.name, role: p.role, device: p.options.device }),
    leave: (_client, p) => p && log?.record({ event: "leave", personId: p.personId, name: p.name, role: p.role, device: p.device }),
  };
};
