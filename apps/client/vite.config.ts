import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { xrProfilesPlugin } from "./vite/xr-profiles-plugin.js";

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
    rolldownOptions: { input: { main: "index.html", console: "console.html" } },
  },
});
