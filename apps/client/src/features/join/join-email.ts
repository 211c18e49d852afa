import { SLIDE_LINK_HEADER, SLIDE_PERSON_HEADER, emailProblem, type JoinForm } from "@otc/contract";
import type { MessageKey } from "@otc/i18n";

/** What the join screen says under an email it would not send (null: fine, or empty since it is optional). */
export function emailMessage(raw: string): MessageKey | null {
  const problem = emailProblem(raw);
  return problem === null ? null : problem === "long" ? "joinemail.long" : "joinemail.shape";
}

/**
 * Whether this session's join screen asks for an email, asked with the invitation the page will join
 * with; a refusal or an unreachable server asks for none (the join itself then says what is wrong).
 */
export async function loadJoinForm(endpoint: string, sessionId: string, link: string, personKey: string): Promise<JoinForm> {
  const res = await fetch(`${endpoint}/api/sessions/${encodeURIComponent(sessionId)}/join-form`, { headers: { [SLIDE_LINK_HEADER]: link, [SLIDE_PERSON_HEADER]: personKey } }).catch(() => null);
  const body = res?.ok ? ((await res.json().catch(() => null)) as Partial<JoinForm> | null) : null;
  return { askEmail: body?.askEmail === true };
}
