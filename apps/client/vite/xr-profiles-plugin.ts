import { readFileSync, readdirSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Plugin } from "vite";

/**
 * Ships the controller/hand profiles @react-three/xr needs from our own origin, so a headset on a
 * closed network still sees its controllers. Only a subset of @webxr-input-profiles/assets (98 MB)
 * is copied: the Quest 3 controllers, the generic fallbacks and the hand models (about 4.5 MB).
 */
export const XR_PROFILES_DIR = "xr-profiles";
const PROFILES = ["meta-quest-touch-plus", "generic-trigger", "generic-hand"];

function profilesRoot(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("@webxr-input-profiles/assets/package.json")), "dist", "profiles");
}

/** File path (relative to the profiles folder) → contents. profilesList.json lists only what ships. */
function collect(): Map<string, Buffer> {
  const root = profilesRoot();
  const files = new Map<string, Buffer>();
  const list: Record<string, { path: string }> = {};
  for (const id of PROFILES) {
    const dir = join(root, id);
    if (!existsSync(dir)) throw new Error(`xr-profiles: missing profile ${id} in ${root}`);
    for (const name of readdirSync(dir)) files.set(`${id}/${name}`, readFileSync(join(dir, name)));
    list[id] = { path: `${id}/profile.json` };
  }
  files.set("profilesList.json", Buffer.from(JSON.stringify(list, null, 2)));
  return files;
}

export function xrProfilesPlugin(): Plugin {
  let files: Map<string, Buffer> | undefined;
  const get = () => (files ??= collect());
  return {
    name: "otc-xr-profiles",
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const prefix = `/${XR_PROFILES_DIR}/`;
        if (!req.url?.startsWith(prefix)) return next();
        const body = get().get(decodeURIComponent(req.url.slice(prefix.length).split("?")[0] ?? ""));
        if (!body) return next();
        res.setHeader("Content-Type", req.url.includes(".json") ? "application/json" : "model/gltf-binary");
        res.end(body);
      });
    },
    generateBundle() {
      for (const [path, source] of get()) {
        this.emitFile({ type: "asset", fileName: `${XR_PROFILES_DIR}/${path}`, source });
      }
    },
  };
}
