import type { PreparedPlan, PreparedPlanBody } from "@otc/contract";

async function answer<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const json = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) throw new Error(typeof json === "object" && json !== null && "error" in json ? String((json as { error: unknown }).error) : `HTTP ${res.status}`);
  return json as T;
}

/** The console's calls for one session's prepared breakout plans (the sign-in cookie rides along). */
export function planApi(sessionId: string) {
  const base = `/api/sessions/${encodeURIComponent(sessionId)}/breakout-plans`;
  const json = { "content-type": "application/json" };
  return {
    list: () => fetch(base, { credentials: "same-origin" }).then((r) => answer<PreparedPlan[]>(r)),
    save: (id: string, body: PreparedPlanBody) => fetch(`${base}/${id}`, { method: "PUT", credentials: "same-origin", headers: json, body: JSON.stringify(body) }).then((r) => answer<PreparedPlan>(r)),
    remove: (id: string) => fetch(`${base}/${id}`, { method: "DELETE", credentials: "same-origin" }).then((r) => answer<void>(r)),
  };
}
