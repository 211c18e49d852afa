import { AVATAR_MODEL_ROUTE, AVATAR_SESSION_HEADER, SLIDE_LINK_HEADER, SLIDE_PERSON_HEADER, modelUploadResultSchema, type ModelUploadResult } from "@otc/contract";
import { serverErrorWording } from "../connection/error-text.js";
import { serverEndpoint } from "../connection/server-endpoint.js";
import type { Wording } from "../i18n/wording.js";
import { invitationFrom, personKeyFor } from "../join/invitation.js";

/**
 * Sends a model file to the server, which checks it by content and answers with its hash. The
 * upload carries this page's invitation (session, link, person key): only invited people may upload.
 */
export async function uploadAvatarModel(file: Blob): Promise<{ ok: true; value: ModelUploadResult } | { ok: false; error: Wording | string }> {
  const invitation = invitationFrom(window.location);
  if (!invitation.link) return { ok: false, error: { key: "notice.no-link" } };
  const headers = {
    "content-type": "application/octet-stream",
    [AVATAR_SESSION_HEADER]: invitation.sessionId,
    [SLIDE_LINK_HEADER]: invitation.link,
    [SLIDE_PERSON_HEADER]: personKeyFor(window.sessionStorage, (b) => crypto.getRandomValues(b)),
  };
  try {
    const res = await fetch(new URL(AVATAR_MODEL_ROUTE, serverEndpoint(window.location)).href, { method: "POST", body: file, headers });
    if (!res.ok) {
      const said = (await res.text()).slice(0, 200);
      return { ok: false, error: said ? serverErrorWording(said) : { key: "errors.http", params: { status: res.status } } };
    }
    const parsed = modelUploadResultSchema.safeParse(await res.json());
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: { key: "errors.badAnswer" } };
  } catch {
    return { ok: false, error: { key: "errors.unreachable" } };
  }
}
