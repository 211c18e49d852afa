import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { xrProfilesPlugin } from "./vite/xr-profiles-plugin.js";

/** `locale-fr` for packages/i18n/src/locales/fr/*.json (not English, not language.json: both are bundled). */
function languageChunk(id: string): string | null {
  const m = /\/locales\/([a-z-]+)\/([a-z0-9-]+)\.json$/i.exec(id);
  return m && m[1] !== "en" && m[2] !== "language" ? `locale-${m[1]}` : null;
}

// The game server (apps/server) serves dist/ and the room layouts on one origin. For `vite dev`,
// point the client at a running server with ?server=http://localhost:2567 or proxy /assets here.
export default defineConfig({
  plugins: [react(), xrProfilesPlugin()],
  server: {
    proxy: { "/assets": "http://localhost:2567", "/api": "http://localhost:2567" },
  },
  build: {
    target: "es2022",
    // The server owns /assets/ (room layouts); the client bundle lives beside it under /static/.
    assetsDir: "static",
    chunkSizeWarningLimit: 1500,
    // Two pages: the room app (/s/<id>) and the facilitator console (/console, no 3D code).
    rolldownOptions: {
      input: { main: "index.html", console: "console.html" },
      // Each language other than English is one chunk, fetched when chosen (see @otc/i18n's loadLanguage).
      output: { codeSplitting: { groups: [{ name: languageChunk, debugName: "languages" }] } },
    },
  },
});
