import { AvatarMessage, REACTIONS, ServerMessage, reactionBroadcastSchema, type Reaction } from "@otc/contract";
import { REACTION_RATE } from "@otc/avatars";
import { RateLimiter } from "@otc/presence";
import { useEffect, useMemo, useState } from "react";
import { useSession } from "../../session-context.js";
import { loadAvatarPrefs } from "./appearance-prefs.js";
import "./avatars.css";
import { iconUrl } from "./icon-image.js";
import type { MessageKey } from "@otc/i18n";
import { useT } from "../i18n/language-context.js";
import { matches } from "../a11y/shortcuts.js";

const REACTION_KEY: Record<Reaction, MessageKey> = {
  "thumbs-up": "avatar.reaction.thumbs-up",
  clap: "avatar.reaction.clap",
  heart: "avatar.reaction.heart",
  laugh: "avatar.reaction.laugh",
  surprised: "avatar.reaction.surprised",
};

/**
 * The avatar controls over the scene (raise hand, reactions; H raises/lowers the hand) and the
 * session-long wiring behind them: sends the remembered look and model on join, reports "away"
 * while the tab is hidden or the headset is off, and collects others' reactions for the avatars.
 */
export function AvatarHud() {
  const t = useT();
  const { room, selfId, avatars, xr } = useSession();
  const [raised, setRaised] = useState(false);
  const [cooling, setCooling] = useState(false);
  const limiter = useMemo(() => new RateLimiter(REACTION_RATE.perSecond, REACTION_RATE.burst), []);

  useEffect(() => {
    const prefs = loadAvatarPrefs(window.localStorage);
    if (prefs.appearance) room.send(AvatarMessage.appearance, { appearance: prefs.appearance });
    if (prefs.model) room.send(AvatarMessage.model, { hash: prefs.model.hash });
    const sync = () => setRaised(room.state.participants.get(selfId)?.handRaised ?? false);
    room.onStateChange(sync);
    const off = room.onMessage(ServerMessage.reaction, (payload: unknown) => {
      const r = reactionBroadcastSchema.safeParse(payload);
      if (!r.success) return;
      avatars.reactions.add(r.data.id, r.data.reaction, performance.now());
      avatars.reactionLog.push(r.data);
    });
    return () => {
      room.onStateChange.remove(sync);
      off();
    };
  }, [room, selfId, avatars]);

  useEffect(() => {
    let tabHidden = document.visibilityState === "hidden";
    let headsetOff = false;
    let sent = false;
    const report = () => {
      const away = tabHidden || headsetOff;
      if (away !== sent) room.send(AvatarMessage.away, { away });
      sent = away;
    };
    const onVisibility = () => {
      tabHidden = document.visibilityState === "hidden";
      report();
    };
    let watched: XRSession | null = null;
    const onXrVisibility = () => {
      headsetOff = watched !== null && watched.visibilityState === "hidden";
      report();
    };
    const unsubscribe = xr.store.subscribe((s) => {
      if (s.session === watched) return;
      watched?.removeEventListener("visibilitychange", onXrVisibility);
      watched = s.session ?? null;
      watched?.addEventListener("visibilitychange", onXrVisibility);
      onXrVisibility();
    });
    document.addEventListener("visibilitychange", onVisibility);
    report();
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      watched?.removeEventListener("visibilitychange", onXrVisibility);
      unsubscribe();
    };
  }, [room, xr]);

  const toggleHand = () => room.send(AvatarMessage.handRaise, { raised: !raised });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!matches(e, "hand") || e.repeat || (e.target instanceof HTMLElement && /INPUT|TEXTAREA/.test(e.target.tagName))) return;
      room.send(AvatarMessage.handRaise, { raised: !(room.state.participants.get(selfId)?.handRaised ?? false) });
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [room, selfId]);

  const react = (reaction: Reaction) => {
    if (!limiter.allow(performance.now())) {
      setCooling(true);
      window.setTimeout(() => setCooling(false), 1000 / REACTION_RATE.perSecond);
      return;
    }
    room.send(AvatarMessage.reaction, { reaction });
  };

  return (
    <div className="hud avatar-hud" role="toolbar" aria-label={t("avatar.controls")}>
      <button type="button" className={raised ? "hand raised" : "hand"} aria-pressed={raised} onClick={toggleHand} title={t("avatar.handTitle")}>
        <img src={iconUrl("hand")} alt="" width={22} height={22} /> {raised ? t("avatar.lower") : t("avatar.raise")}
      </button>
      {REACTIONS.map((r) => (
        <button key={r} type="button" className="reaction" aria-label={t("avatar.react", { reaction: t(REACTION_KEY[r]) })} disabled={cooling} onClick={() => react(r)}>
          <img src={iconUrl(r)} alt="" width={24} height={24} />
        </button>
      ))}
    </div>
  );
}
