import { useId, useState, type FormEvent } from "react";
import { consoleApi } from "./console-api.js";

/** Shown when the console has no sign-in: explains the one-time link, and takes the ADMIN_SECRET. */
export function SignIn({ error, onSignedIn }: { error: string | null; onSignedIn(): void }) {
  const [secret, setSecret] = useState("");
  const [failure, setFailure] = useState<string | null>(error);
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    consoleApi.signInWithSecret(secret).then(onSignedIn, (err: unknown) => setFailure(err instanceof Error ? err.message : String(err)));
  };
  return (
    <main className="console">
      <section className="panel" style={{ maxWidth: 560 }}>
        <h1>Facilitator console</h1>
        <p>
          To sign in, open the <strong>one-time sign-in link</strong> that the server printed when it started (restart the server for a new one),
          or enter the admin secret set in <code>ADMIN_SECRET</code>.
        </p>
        {failure && <p className="error" role="alert">{failure}</p>}
        <form onSubmit={submit}>
          <label htmlFor={id}>Admin secret</label>
          <input id={id} type="password" autoComplete="current-password" value={secret} onChange={(e) => setSecret(e.target.value)} />
          <div className="actions">
            <button className="primary" type="submit" disabled={!secret}>Sign in</button>
          </div>
        </form>
      </section>
    </main>
  );
}
