import { errorWording } from "../connection/error-text.js";
import { word, type Wording } from "../i18n/wording.js";
import { LanguagePicker } from "../i18n/LanguagePicker.js";
import { useT } from "../i18n/language-context.js";
import { useId, useState, type FormEvent } from "react";
import { consoleApi } from "./console-api.js";

/** Shown when the console has no sign-in: explains the one-time link, and takes the ADMIN_SECRET. */
export function SignIn({ error, onSignedIn }: { error: Wording | string | null; onSignedIn(): void }) {
  const t = useT();
  const [secret, setSecret] = useState("");
  const [failure, setFailure] = useState<Wording | string | null>(error);
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    consoleApi.signInWithSecret(secret).then(onSignedIn, (err: unknown) => setFailure(errorWording(err)));
  };
  return (
    <main className="console">
      <section className="panel" style={{ maxWidth: 560 }}>
        <h1>{t("console.title")}</h1>
        <LanguagePicker className="language-picker" />
        <p>{t("console.signInHelp", { variable: "ADMIN_SECRET" })}</p>
        {failure && <p className="error" role="alert">{word(t, failure)}</p>}
        <form onSubmit={submit}>
          <label htmlFor={id}>{t("console.secret")}</label>
          <input id={id} type="password" autoComplete="current-password" value={secret} onChange={(e) => setSecret(e.target.value)} />
          <div className="actions">
            <button className="primary" type="submit" disabled={!secret}>{t("console.signIn")}</button>
          </div>
        </form>
      </section>
    </main>
  );
}
