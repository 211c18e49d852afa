import { chmod, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { canIsolateNetwork, libreOfficeConverter } from "./office-convert.js";

let dir: string;
let fake: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "otc-fake-soffice-"));
  fake = path.join(dir, "soffice");
  // A stand-in for LibreOffice that records what it was given: its environment, its network
  // interfaces, and whether another conversion was running at the same time.
  await writeFile(
    fake,
    `#!/bin/sh
[ "$1" = "--version" ] && exit 0
log=${dir}/run-$$
env > "$log.env"
cat /proc/net/dev > "$log.net" 2>/dev/null
[ -e ${dir}/busy ] && touch "$log.overlap"
touch ${dir}/busy
sleep 0.3
rm -f ${dir}/busy
while [ $# -gt 0 ]; do [ "$1" = "--outdir" ] && out="$2"; shift; done
printf '%%PDF-1.4 fake\\n%%%%EOF\\n' > "$out/deck.pdf"
`,
  );
  await chmod(fake, 0o755);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const runs = async (suffix: string) => (await readdir(dir)).filter((f) => f.endsWith(suffix));

describe("the LibreOffice converter", () => {
  it("runs with only PATH and a private HOME, never the server's secrets", async () => {
    const saved = { ...process.env };
    Object.assign(process.env, { ADMIN_SECRET: "admin-s3cret", LINK_SECRET: "link-s3cret", DATABASE_URL: "postgres://u:p@db/otc" });
    try {
      const out = await libreOfficeConverter({ command: fake })(new Uint8Array([0x50, 0x4b, 3, 4]), "pptx");
      expect(out).toMatchObject({ ok: true });
    } finally {
      process.env = saved;
    }
    const [envFile] = await runs(".env");
    const env = await readFile(path.join(dir, envFile!), "utf8");
    expect(env).not.toMatch(/s3cret|postgres|ADMIN_SECRET|LINK_SECRET|DATABASE_URL/);
    const names = env.split("\n").filter(Boolean).map((line) => line.split("=")[0]);
    expect(names.filter((n) => n !== "PWD" && n !== "SHLVL" && n !== "_").sort()).toEqual(["HOME", "PATH"]); // the shell adds PWD, SHLVL, _
    expect(env).toMatch(/^HOME=.*otc-convert-.*\/home$/m);
  });

  it("converts one deck at a time and, where the kernel allows, without network", async () => {
    const convert = libreOfficeConverter({ command: fake });
    const results = await Promise.all([1, 2, 3].map(() => convert(new Uint8Array([0x50, 0x4b, 3, 4]), "odp")));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await runs(".env")).toHaveLength(3);
    expect(await runs(".overlap")).toEqual([]);
    if (!(await canIsolateNetwork())) return console.warn("unshare -rn is not allowed here: network isolation not checked");
    for (const f of await runs(".net")) {
      const interfaces = (await readFile(path.join(dir, f), "utf8")).split("\n").slice(2).map((l) => l.split(":")[0]!.trim()).filter(Boolean);
      expect(interfaces).toEqual(["lo"]);
    }
  });

  it("kills a conversion that runs past its timeout", async () => {
    await writeFile(fake, `#!/bin/sh\n[ "$1" = "--version" ] && exit 0\nsleep 30\n`);
    const out = await libreOfficeConverter({ command: fake, timeoutS: 0.5 })(new Uint8Array([0x50, 0x4b]), "pptx");
    expect(out).toMatchObject({ ok: false, reason: expect.stringMatching(/could not convert/) });
  });
});

// A conversion whose scratch folder cannot be made (a full or missing temporary disk) must come back
// as a refusal the upload route can word, never as a rejection out of the converter.
describe("libreOfficeConverter without a temporary folder", () => {
  const saved = process.env.TMPDIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  });

  it("answers a refusal when its temporary folder cannot be created", async () => {
    process.env.TMPDIR = "/nonexistent/otc-no-such-tmp"; // os.tmpdir() reads it on each call
    const result = await libreOfficeConverter({ command: "true", isolateNetwork: false })(new Uint8Array([1, 2, 3]), "pptx");
    expect(result.ok).toBe(false);
  });
});
