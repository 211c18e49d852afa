// Size of what a browser downloads to first show the join screen: index.html's scripts,
// module preloads and stylesheets, gzip-compressed (zlib default level, as most servers send).
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { clientDist } from "@otc/tests/harness/paths.ts";

export interface BundleSize {
  firstLoadGzipKiB: number;
  firstLoadRawKiB: number;
  allJsGzipKiB: number;
  files: string[];
}

export function bundleSize(): BundleSize {
  const html = readFileSync(path.join(clientDist, "index.html"), "utf8");
  const refs = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  let gz = 0;
  let raw = 0;
  for (const f of refs) {
    const buf = readFileSync(path.join(clientDist, f));
    raw += buf.length;
    gz += gzipSync(buf).length;
  }
  let all = 0;
  const walk = (dir: string) => {
    for (const e of readdirSync(dir)) {
      const p = path.join(dir, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith(".js")) all += gzipSync(readFileSync(p)).length;
    }
  };
  walk(path.join(clientDist, "static"));
  return { firstLoadGzipKiB: +(gz / 1024).toFixed(1), firstLoadRawKiB: +(raw / 1024).toFixed(1), allJsGzipKiB: +(all / 1024).toFixed(1), files: refs };
}
