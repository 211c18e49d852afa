import { useState } from "react";
import { roomImportApi } from "./room-import-api.js";

/**
 * Uploads a logo picture (PNG/JPEG, checked by content on the server) for the room editor and the
 * session brand form: `uploading` while it goes, `error` in a sentence when it is refused.
 */
export function useLogoUpload(onUploaded: (logoImage: string) => void) {
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const upload = async (file: File) => {
    setUploading(true);
    setError(null);
    try {
      onUploaded((await roomImportApi.uploadLogo(file)).logoImage);
    } catch (e) {
      setError(`Could not use ${file.name}: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setUploading(false);
    }
  };
  return { uploading, error, upload };
}
