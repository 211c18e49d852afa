import { GATHER_COUNTDOWN_MS, aroundPoint, inFrontOf, onSeats, type GatherSpot } from "@otc/breakouts";
import { GatherMessage, GatherServerMessage, gatherEmptyMessageSchema, gatherStartMessageSchema, type GatherStatePayload, type GatherView } from "@otc/contract";
import { can } from "@otc/roles";
import { seatPlacements } from "@otc/rooms";
import { message, type FeatureFactory } from "../../rooms/room-feature.js";

const PRESS = { perSecond: 2, burst: 4 };
const NOT_FACILITATOR = "only a facilitator or co-facilitator can gather people";

/**
 * Gathering: a facilitator calls everyone to them, to a named anchor of the room file (a screen,
 * board or door) or to the seats; everyone sees a 5 s countdown (each page counts down from the end
 * time), may press "stay here" when allowed, and is then sent where to stand. Presence-like: nothing
 * is stored (a gather that a restart interrupts simply does not happen).
 */
export const gatherFeature: FeatureFactory = (ctx) => {
  const heads = new Map<string, [number, number]>();
  const seats = seatPlacements(ctx.layout);
  const anchors = [...ctx.layout.screens, ...ctx.layout.boards, ...ctx.layout.portals];
  let gather: (GatherView & { byId: string }) | null = null;

  const payload = (): GatherStatePayload => ({ gather: gather && { to: gather.to, spot: gather.spot, allowStay: gather.allowStay, endsAt: gather.endsAt, by: gather.by, staying: gather.staying }, serverNow: ctx.now() });
  const show = () => ctx.broadcast(GatherServerMessage.state, payload());

  const move = (g: GatherView & { byId: string }) => {
    const people = ctx.roster.ids().filter((id) => ctx.roster.get(id)?.connected && !g.staying.includes(id) && !(g.to === "facilitator" && id === g.byId));
    let spots: GatherSpot[];
    if (g.to === "facilitator") {
      const at = heads.get(g.byId) ?? [0, 0];
      spots = aroundPoint(at[0], at[1], people.length, ctx.layout.walkable);
    } else if (g.to === "seats") spots = onSeats(seats, people.length, ctx.layout.walkable);
    else spots = inFrontOf(anchors.find((a) => a.id === g.spot)!, people.length, ctx.layout.walkable);
    people.forEach((id, i) => spots[i] && ctx.send(id, GatherServerMessage.move, spots[i]));
  };

  ctx.every(100, () => {
    if (gather && ctx.now() >= gather.endsAt) {
      const g = gather;
      gather = null;
      move(g);
      show();
    }
  });

  return {
    name: "gather",
    messages: {
      [GatherMessage.start]: message(gatherStartMessageSchema, PRESS, (client, v) => {
        const who = ctx.roster.get(client.sessionId);
        if (!who || !can(who.role, "moderate")) return ctx.refuse(client, "not-allowed", NOT_FACILITATOR);
        if (v.to === "spot" && !anchors.some((a) => a.id === v.spot)) return ctx.refuse(client, "invalid-message", `this room has no spot "${v.spot ?? ""}"`);
        if (v.to === "seats" && seats.length === 0) return ctx.refuse(client, "invalid-message", "this room has no seats");
        gather = { to: v.to, spot: v.to === "spot" ? (v.spot ?? null) : null, allowStay: v.allowStay, endsAt: ctx.now() + GATHER_COUNTDOWN_MS, by: who.name, byId: client.sessionId, staying: [] };
        show();
      }),
      [GatherMessage.cancel]: message(gatherEmptyMessageSchema, PRESS, (client) => {
        const who = ctx.roster.get(client.sessionId);
        if (!who || !can(who.role, "moderate")) return ctx.refuse(client, "not-allowed", NOT_FACILITATOR);
        gather = null;
        show();
      }),
      [GatherMessage.stay]: message(gatherEmptyMessageSchema, PRESS, (client) => {
        if (!gather?.allowStay) return ctx.refuse(client, "not-allowed", "the facilitator asked everyone to come");
        if (!gather.staying.includes(client.sessionId)) gather.staying = [...gather.staying, client.sessionId];
        show();
      }),
    },
    join: (client, person) => void heads.set(client.sessionId, [person.spawn.head.p[0], person.spawn.head.p[2]]),
    moved: (id, pose) => void heads.set(id, [pose.head.p[0], pose.head.p[2]]),
    leave: (client) => void heads.delete(client.sessionId),
  };
};
