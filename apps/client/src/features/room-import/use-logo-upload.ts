import { useState } from "react";
import { errorWording } from "../connection/error-text.js";
import type { Wording } from "../i18n/wording.js";
import { roomImportApi } from "./room-import-api.js";

/**
 * Uploads a logo picture (PNG/JPEG, checked by content on the server) for the room editor and the
 * session brand form: `uploading` while it goes, `error` (a wording) when it is refused.
 */
export function useLogoUpload(onUploaded: (logoImage: string) => void) {
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<Wording | null>(null);
  const upload = async (file: File) => {
    setUploading(true);
    setError(null);
    try {
      onUploaded((await roomImportApi.uploadLogo(file)).logoImage);
    } catch (e) {
      setError({ key: "rooms.couldNotUse", params: { file: file.name }, reason: errorWording(e) });
    } finally {
      setUploading(false);
    }
  };
  return { uploading, error, upload };
}
