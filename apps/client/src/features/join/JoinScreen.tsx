import { cleanDisplayName, type BandwidthMode } from "@otc/contract";
import { useId, useState, type FormEvent } from "react";
import { BandwidthChoice } from "../bandwidth/BandwidthChoice.js";
import { AvatarCustomiser } from "../avatars/AvatarCustomiser.js";
import { LanguagePicker } from "../i18n/LanguagePicker.js";
import { useT } from "../i18n/language-context.js";
import { word, type Wording } from "../i18n/wording.js";
import { MicCheck } from "../voice/MicCheck.js";
import { emailMessage } from "./join-email.js";
import { AVATAR_SWATCHES, type JoinPrefs } from "./join-prefs.js";

export interface JoinProgress {
  label: Wording;
  fraction: number; // 0..1
}

interface Props {
  sessionId: string;
  initial: JoinPrefs;
  progress: JoinProgress | null;
  error: Wording | string | null;
  /** False when the address has no invitation: the form explains instead of failing on submit. */
  canJoin: boolean;
  /** The session asks for an email (optional to give), for its learning records. */
  askEmail?: boolean;
  onJoin(prefs: JoinPrefs): void;
}

/** The first thing a person sees: name, avatar colour and a Join button for this session. */
export function JoinScreen({ sessionId, initial, progress, error, canJoin, askEmail = false, onJoin }: Props) {
  const t = useT();
  const [name, setName] = useState(initial.name);
  const [colour, setColour] = useState(initial.colour);
  const [bandwidth, setBandwidth] = useState<BandwidthMode>("normal");
  const nameId = useId();
  const colourId = useId();
  const emailId = useId();
  const [email, setEmail] = useState("");
  // Said once the person leaves the field or tries to join, not while they are still typing.
  const [emailChecked, setEmailChecked] = useState(false);
  const emailIssue = askEmail ? emailMessage(email) : null;
  const busy = progress !== null;
  const cleaned = cleanDisplayName(name);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (emailIssue) return void setEmailChecked(true);
    const given = askEmail && email.trim() ? { email: email.trim() } : {};
    if (!busy && cleaned && canJoin) onJoin({ name: cleaned, colour, bandwidth, ...given });
  };

  return (
    <main className="join-backdrop">
      <form className="join-card" onSubmit={submit} aria-busy={busy} noValidate>
        <h1>{t("app.title")}</h1>
        <LanguagePicker />
        <p className="subtitle">
          {t("join.sessionLabel")} <strong>{sessionId}</strong>
        </p>
        {error && (
          <p className="error" role="alert">
            {word(t, error)}
          </p>
        )}
        <div className="field">
          <label htmlFor={nameId}>{t("join.name")}</label>
          <input id={nameId} type="text" value={name} maxLength={64} autoComplete="nickname" autoFocus placeholder={t("join.namePlaceholder")} onChange={(e) => setName(e.target.value)} />
        </div>
        {askEmail && (
          <div className="field">
            <label htmlFor={emailId}>{t("joinemail.label")}</label>
            <input
              id={emailId}
              type="email"
              value={email}
              maxLength={300}
              autoComplete="email"
              aria-invalid={emailChecked && emailIssue !== null}
              aria-describedby={`${emailId}-hint`}
              onChange={(e) => setEmail(e.target.value)}
              onBlur={() => setEmailChecked(true)}
            />
            {emailChecked && emailIssue ? (
              <p id={`${emailId}-hint`} className="error" role="alert">
                {t(emailIssue)}
              </p>
            ) : (
              <p id={`${emailId}-hint`} className="session-note">
                {t("joinemail.hint")}
              </p>
            )}
          </div>
        )}
        <fieldset className="field">
          <legend>{t("join.colour")}</legend>
          <div className="swatches">
            {AVATAR_SWATCHES.map((c) => (
              <button key={c} type="button" className="swatch" style={{ background: c }} aria-label={t("join.swatch", { colour: c })} aria-pressed={c === colour} onClick={() => setColour(c)} />
            ))}
            <input id={colourId} type="color" aria-label={t("join.colour")} value={colour} onChange={(e) => setColour(e.target.value.toLowerCase())} />
          </div>
        </fieldset>
        <AvatarCustomiser colour={colour} />
        <MicCheck />
        <BandwidthChoice onChange={setBandwidth} />
        <button className="primary" type="submit" disabled={busy || !cleaned || !canJoin}>
          {t("join.join")}
        </button>
        {progress && (
          <div className="progress" role="status">
            {word(t, progress.label)}
            <div className="progress-bar">
              <div style={{ width: `${Math.round(progress.fraction * 100)}%` }} />
            </div>
          </div>
        )}
        <p className="session-note">{t("join.roleNote")}</p>
      </form>
    </main>
  );
}
