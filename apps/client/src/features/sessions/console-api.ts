import { UNREACHABLE } from "../connection/error-text.js";
import type { ConsoleModerationView, CreateSessionRequest, LinkKind, RoomTemplateSummary, SessionBrand, SessionSummary } from "@otc/contract";

/** An API answer that was not a success, with the server's code or sentence (errorWording words it). */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      credentials: "same-origin",
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApiFailure(0, UNREACHABLE);
  }
  if (response.status === 204) return undefined as T;
  const json = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const error = typeof json === "object" && json !== null && "error" in json ? String((json as { error: unknown }).error) : `HTTP ${response.status}`;
    throw new ApiFailure(response.status, error);
  }
  return json as T;
}

/** The facilitator console's calls to `/api` (same origin; the sign-in cookie rides along). */
export const consoleApi = {
  signInWithToken: (token: string) => call<void>("POST", "/admin/sign-in", { token }),
  signInWithSecret: (secret: string) => call<void>("POST", "/admin/sign-in", { secret }),
  signOut: () => call<void>("POST", "/admin/sign-out", {}),
  me: () => call<{ signedIn: boolean }>("GET", "/admin/me"),
  rooms: () => call<RoomTemplateSummary[]>("GET", "/rooms"),
  sessions: () => call<SessionSummary[]>("GET", "/sessions"),
  create: (req: CreateSessionRequest) => call<SessionSummary>("POST", "/sessions", req),
  regenerate: (id: string, kind: LinkKind) => call<SessionSummary>("POST", `/sessions/${encodeURIComponent(id)}/links/${kind}`, {}),
  brand: (id: string) => call<SessionBrand>("GET", `/sessions/${encodeURIComponent(id)}/brand`),
  setBrand: (id: string, brand: SessionBrand) => call<SessionBrand>("POST", `/sessions/${encodeURIComponent(id)}/brand`, brand),
  moderation: (id: string) => call<ConsoleModerationView>("GET", `/sessions/${encodeURIComponent(id)}/moderation`),
  setModeration: (id: string, change: { locked?: boolean; capacity?: number }) => call<ConsoleModerationView>("POST", `/sessions/${encodeURIComponent(id)}/moderation`, change),
  admit: (id: string, personId: string, admit: boolean) => call<ConsoleModerationView>("POST", `/sessions/${encodeURIComponent(id)}/moderation/admit`, { personId, admit }),
  unblock: (id: string, personId: string) => call<ConsoleModerationView>("POST", `/sessions/${encodeURIComponent(id)}/moderation/unblock`, { personId }),
  end: (id: string) => call<SessionSummary>("POST", `/sessions/${encodeURIComponent(id)}/end`, {}),
};
