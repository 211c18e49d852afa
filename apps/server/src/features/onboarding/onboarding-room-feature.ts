import type { Client } from "@colyseus/core";
import { OnboardingMessage, OnboardingServerMessage, onboardingProgressMessageSchema, onboardingSyncMessageSchema, type OnboardingProgressMessage, type OnboardingRecord, type OnboardingTablePayload } from "@otc/contract";
import type { DeviceKind, Role } from "@otc/contract";
import { can } from "@otc/roles";
import { message, type FeatureFactory } from "../../rooms/room-feature.js";
import { AttendanceLog } from "../attendance/attendance-log.js";
import { ONBOARDING_COLLECTION, applyProgress } from "./onboarding-progress.js";

/** A person finishes a step every second or two; the burst covers a whole run skipped in a row (the finish must not be dropped). */
const PROGRESS_RATE = { perSecond: 4, burst: 12 };
/** A page asks for its record (and a facilitator for the table) when it (re)connects. */
const SYNC_RATE = { perSecond: 1, burst: 3 };

/**
 * Onboarding progress: each person's page reports the step they are on (a document stored per
 * person key, so a finish survives a restart and a rejoin, and the finish is also written to the
 * attendance log for the training record). The person gets their own record back; facilitators
 * alone get everyone's table, with the server clock so their page counts time on a step. Poses
 * never come here: detection is the person's own page's.
 */
export const onboardingFeature: FeatureFactory = async (ctx) => {
  const records = new Map<string, OnboardingRecord>();
  if (ctx.session) for (const d of await ctx.storage.listDocuments<OnboardingRecord>(ctx.sessionId, ONBOARDING_COLLECTION)) records.set(d.key, d.body);
  const attendance = ctx.session ? new AttendanceLog({ storage: ctx.storage, sessionId: ctx.sessionId, now: ctx.now, log: ctx.log }) : undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = (work: () => Promise<void> | void) => (queue = queue.then(work, work));

  const isFacilitator = (id: string) => {
    const p = ctx.roster.get(id);
    return !!p && p.connected && can(p.role, "moderate");
  };
  const table = (): OnboardingTablePayload => {
    const here = new Map<string, string>();
    for (const id of ctx.roster.ids()) {
      const personId = ctx.roster.identity(id)?.personId;
      if (personId && ctx.roster.get(id)?.connected) here.set(personId, id);
    }
    return { people: [...records.values()].map((r) => ({ ...r, connected: here.has(r.personId), id: here.get(r.personId) ?? null })), serverNow: ctx.now() };
  };
  const toFacilitators = () => {
    const payload = table();
    for (const id of ctx.roster.ids()) if (isFacilitator(id)) ctx.send(id, OnboardingServerMessage.table, payload);
  };
  const toPerson = (personId: string) => {
    for (const id of ctx.roster.ids()) if (ctx.roster.identity(id)?.personId === personId) ctx.send(id, OnboardingServerMessage.mine, { record: records.get(personId) ?? null });
  };

  const progress = (client: Client, value: OnboardingProgressMessage) =>
    serial(async () => {
      const who = ctx.roster.identity(client.sessionId);
      const p = ctx.roster.get(client.sessionId);
      if (!who || !p) return;
      const prev = records.get(who.personId);
      const next = applyProgress(prev, { personId: who.personId, name: p.name }, value, ctx.now());
      if (typeof next === "string") return ctx.refuse(client, "invalid-message", next);
      try {
        await ctx.storage.putDocument(ctx.sessionId, ONBOARDING_COLLECTION, who.personId, next, ctx.now());
      } catch {
        return ctx.refuse(client, "storage-failed");
      }
      records.set(who.personId, next);
      if (next.completedAt !== null && prev?.completedAt == null) {
        attendance?.record({ event: "onboarded", personId: who.personId, name: p.name, role: p.role as Role, device: p.device as DeviceKind });
      }
      toPerson(who.personId);
      toFacilitators();
    });

  return {
    name: "onboarding",
    messages: {
      [OnboardingMessage.progress]: message(onboardingProgressMessageSchema, PROGRESS_RATE, progress),
      [OnboardingMessage.onboardingSync]: message(onboardingSyncMessageSchema, SYNC_RATE, (client) =>
        serial(() => {
          const who = ctx.roster.identity(client.sessionId);
          if (!who) return;
          client.send(OnboardingServerMessage.mine, { record: records.get(who.personId) ?? null });
          if (isFacilitator(client.sessionId)) client.send(OnboardingServerMessage.table, table());
        }),
      ),
    },
    // Whether each person is here changes the table; facilitators see it at once.
    join: () => void serial(toFacilitators),
    drop: () => void serial(toFacilitators),
    reconnect: () => void serial(toFacilitators),
    leave: () => void serial(toFacilitators),
  };
};
