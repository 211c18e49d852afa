import { errorWording } from "../connection/error-text.js";
import { word, type Wording } from "../i18n/wording.js";
import { LanguagePicker } from "../i18n/LanguagePicker.js";
import { useT } from "../i18n/language-context.js";
import type { RoomTemplateSummary, SessionSummary } from "@otc/contract";
import { useCallback, useEffect, useState } from "react";
import { RoomsPanel } from "../room-import/RoomsPanel.js";
import { ApiFailure, consoleApi } from "./console-api.js";
import { NewSessionForm } from "./NewSessionForm.js";
import { SessionDetail } from "./SessionDetail.js";
import { SessionList } from "./SessionList.js";
import { SignIn } from "./SignIn.js";

type Phase = "checking" | "signed-out" | "ready";

/**
 * The facilitator console (`/console`): sign in, create a session, list and open sessions, copy and
 * renew their links, end them; import and edit custom rooms. Plain HTML controls throughout, so it works with the keyboard alone.
 */
export function ConsoleApp() {
  const t = useT();
  const [phase, setPhase] = useState<Phase>("checking");
  const [signInError, setSignInError] = useState<Wording | string | null>(null);
  const [sessions, setSessions] = useState<SessionSummary[]>([]);
  const [rooms, setRooms] = useState<RoomTemplateSummary[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<Wording | string | null>(null);

  const load = useCallback(async () => {
    try {
      const [list, templates] = await Promise.all([consoleApi.sessions(), consoleApi.rooms()]);
      setSessions(list);
      setRooms(templates);
      setPhase("ready");
    } catch (e) {
      if (e instanceof ApiFailure && e.status === 401) setPhase("signed-out");
      else setError(errorWording(e));
    }
  }, []);

  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const token = params.get("signin");
    if (!token) return void load();
    // Redeem the one-time link, then take it out of the address bar (and the history).
    window.history.replaceState(null, "", "/console");
    consoleApi.signInWithToken(token).then(load, (e: unknown) => {
      setSignInError(errorWording(e));
      void load();
    });
  }, [load]);

  const replace = (s: SessionSummary) => setSessions((list) => (list.some((x) => x.id === s.id) ? list.map((x) => (x.id === s.id ? s : x)) : [s, ...list]));

  if (phase === "checking") return <main className="console" aria-busy="true"><p className="muted">{t("console.loading")}</p></main>;
  if (phase === "signed-out") return <SignIn error={signInError} onSignedIn={() => void load()} />;

  const current = sessions.find((s) => s.id === selected) ?? null;
  return (
    <main className="console">
      <header>
        <h1>{t("console.title")}</h1>
        <LanguagePicker className="language-picker" />
        <button type="button" onClick={() => void consoleApi.signOut().then(() => setPhase("signed-out"))}>{t("console.signOut")}</button>
      </header>
      {error && <p className="error" role="alert">{word(t, error)}</p>}
      <div className="columns">
        <div>
          <NewSessionForm
            rooms={rooms}
            onCreated={(s) => {
              replace(s);
              setSelected(s.id);
            }}
          />
          <SessionList sessions={sessions} selected={selected} onOpen={setSelected} />
        </div>
        {current ? <SessionDetail key={current.id} session={current} onChanged={replace} /> : <section className="panel muted">{t("console.pick")}</section>}
      </div>
      <RoomsPanel rooms={rooms} onRoomsChanged={() => void consoleApi.rooms().then(setRooms, (e: unknown) => setError(errorWording(e)))} />
    </main>
  );
}
