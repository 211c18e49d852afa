import type { ModelReport, RoomFileRefusal, RoomLayout, RoomTemplateSummary } from "@otc/contract";
import { UNREACHABLE } from "../connection/error-text.js";
import { ApiFailure } from "../sessions/console-api.js";

/** A refused room file: the server's sentence and one line per problem, each naming its path. */
export class RoomRefused extends ApiFailure {
  constructor(
    status: number,
    message: string,
    readonly errors: string[],
  ) {
    super(status, message);
  }
}

function failure(status: number, body: unknown): ApiFailure {
  const o = typeof body === "object" && body !== null ? (body as Partial<RoomFileRefusal>) : {};
  const message = typeof o.error === "string" ? o.error : `HTTP ${status}`;
  return Array.isArray(o.errors) ? new RoomRefused(status, message, o.errors.map(String)) : new ApiFailure(status, message);
}

/** Sends a body with XMLHttpRequest, for its upload progress (fetch has none); resolves to the JSON answer. */
function send<T>(method: "GET" | "POST", path: string, body: Blob | string | null, contentType: string | null, onProgress?: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, `/api${path}`);
    xhr.withCredentials = true;
    if (contentType) xhr.setRequestHeader("content-type", contentType);
    if (onProgress) xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiFailure(0, UNREACHABLE));
    xhr.onload = () => {
      let json: unknown = null;
      try {
        json = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        json = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(json as T);
      else reject(failure(xhr.status, json));
    };
    xhr.send(body);
  });
}

/** The console's calls for custom rooms: upload and optimise models, read and save room files, archives. */
export const roomImportApi = {
  uploadModel: (file: Blob, onProgress: (fraction: number) => void) => send<ModelReport>("POST", "/room-models", file, "model/gltf-binary", onProgress),
  report: (modelId: string) => send<ModelReport>("GET", `/room-models/${modelId}`, null, null),
  optimise: (modelId: string) => send<ModelReport>("POST", `/room-models/${modelId}/optimise`, "{}", "application/json"),
  uploadLogo: (file: Blob) => send<{ logoImage: string }>("POST", "/brand-logos", file, file.type || "application/octet-stream"),
  roomFile: (id: string) => send<RoomLayout>("GET", `/rooms/${encodeURIComponent(id)}`, null, null),
  saveRoom: (room: RoomLayout) => send<RoomTemplateSummary>("POST", "/rooms", JSON.stringify(room), "application/json"),
  importArchive: (file: Blob, onProgress: (fraction: number) => void) => send<RoomTemplateSummary>("POST", "/rooms/archive", file, "application/zip", onProgress),
  archiveUrl: (id: string) => `/api/rooms/${encodeURIComponent(id)}/archive`,
};
