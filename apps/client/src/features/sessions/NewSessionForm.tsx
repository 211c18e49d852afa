import { errorWording } from "../connection/error-text.js";
import { autonym } from "../i18n/LanguagePicker.js";
import { useT } from "../i18n/language-context.js";
import { word, type Wording } from "../i18n/wording.js";
import { LANGUAGES, type Language, type RoomTemplateSummary, type SessionSummary } from "@otc/contract";
import { useId, useState, type FormEvent } from "react";
import { consoleApi } from "./console-api.js";


/** `<input type="datetime-local">` value → ms since the epoch in this browser's time zone; null when empty. */
function localTime(value: string): number | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isFinite(ms) ? ms : null;
}

/** Title, room template, language and an optional schedule → a new session with its two links. */
export function NewSessionForm({ rooms, onCreated }: { rooms: RoomTemplateSummary[]; onCreated(s: SessionSummary): void }) {
  const t = useT();
  const [title, setTitle] = useState("");
  const [room, setRoom] = useState(rooms[0]?.id ?? "");
  const [language, setLanguage] = useState<Language>("en");
  const [start, setStart] = useState("");
  const [end, setEnd] = useState("");
  const [error, setError] = useState<Wording | string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { title: useId(), room: useId(), language: useId(), start: useId(), end: useId() };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const startsAt = localTime(start);
    const endsAt = localTime(end);
    if ((startsAt === null) !== (endsAt === null)) return setError({ key: "console.new.bothOrNeither" });
    setBusy(true);
    setError(null);
    try {
      const schedule = startsAt !== null && endsAt !== null ? { startsAt, endsAt } : null;
      const created = await consoleApi.create({ title, room: room || (rooms[0]?.id ?? ""), language, schedule });
      setTitle("");
      onCreated(created);
    } catch (err) {
      setError(errorWording(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="new-session-heading">
      <h2 id="new-session-heading">{t("console.new.title")}</h2>
      {error && <p className="error" role="alert">{word(t, error)}</p>}
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor={ids.title}>{t("console.new.sessionTitle")}</label>
        <input id={ids.title} type="text" required maxLength={120} value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t("console.new.titlePlaceholder")} />
        <div className="row">
          <div>
            <label htmlFor={ids.room}>{t("console.new.room")}</label>
            <select id={ids.room} value={room} onChange={(e) => setRoom(e.target.value)}>
              {rooms.map((r) => (
                <option key={r.id} value={r.id}>{r.name}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={ids.language}>{t("console.new.language")}</label>
            <select id={ids.language} value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>{autonym(l)}</option>
              ))}
            </select>
          </div>
        </div>
        <div className="row wrap">
          <div>
            <label htmlFor={ids.start}>{t("console.new.starts")}</label>
            <input id={ids.start} type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} />
          </div>
          <div>
            <label htmlFor={ids.end}>{t("console.new.ends")}</label>
            <input id={ids.end} type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} />
          </div>
        </div>
        <div className="actions">
          <button className="primary" type="submit" disabled={busy || title.trim() === ""}>{t("console.new.create")}</button>
        </div>
      </form>
    </section>
  );
}
