import { notice as noticeOf } from "@otc/contract";
import type { FeatureFactory } from "../../rooms/room-feature.js";
import type { LiveRoom } from "./live-sessions.js";
import { brandStateValue, loadSessionBrand } from "./session-brand-store.js";

/**
 * The stored session a room runs: its title, language and brand in the state, and the console's
 * reach into the room (ending the session, a brand changed while people are in it).
 */
export const sessionFeature: FeatureFactory = async (ctx) => {
  const session = ctx.session;
  if (!session) return { name: "session" };
  ctx.state.title = session.title;
  ctx.state.language = session.language;
  ctx.state.brand = brandStateValue(await loadSessionBrand(ctx.storage, session.id));
  const live: LiveRoom = {
    endSession: () => ctx.endSession(),
    brandChanged: (json) => void (ctx.state.brand = json),
    linkRenewed: (kind) => {
      const notice = noticeOf("link-replaced");
      for (const id of ctx.roster.ids()) if (ctx.roster.identity(id)?.linkKind === kind) ctx.remove(id, notice);
    },
  };
  ctx.config.live.register(session.id, live);
  return { name: "session", dispose: () => ctx.config.live.unregister(session.id, live) };
};
