import { AVATAR_MODEL_ROUTE, modelUploadResultSchema, type ModelUploadResult } from "@otc/contract";
import { serverEndpoint } from "../connection/server-endpoint.js";

/** Sends a model file to the server, which checks it by content and answers with its hash. */
export async function uploadAvatarModel(file: Blob): Promise<{ ok: true; value: ModelUploadResult } | { ok: false; error: string }> {
  try {
    const res = await fetch(new URL(AVATAR_MODEL_ROUTE, serverEndpoint(window.location)).href, { method: "POST", body: file, headers: { "content-type": "application/octet-stream" } });
    if (!res.ok) return { ok: false, error: (await res.text()).slice(0, 200) || `Upload refused (${res.status}).` };
    const parsed = modelUploadResultSchema.safeParse(await res.json());
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: "The server's answer was not understood." };
  } catch {
    return { ok: false, error: "The upload failed: is the server reachable?" };
  }
}
