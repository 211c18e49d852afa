import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { turnIceConfig } from "./features/voice/turn-credentials.js";
import { REPO_ROOT } from "./test-support/harness.js";

// The deployment recipe in deploy/ (docs/DEPLOY.md), checked as far as this machine allows: the
// compose file's services and how they are wired, the Caddy routes against each process's
// PUBLIC_ADDRESS, the Janus entrypoint's filled-in configuration, and the systemd units.
const deploy = (...p: string[]) => path.join(REPO_ROOT, "deploy", ...p);

interface ComposeService {
  environment?: Record<string, string>;
  ports?: string[];
  network_mode?: string;
  command?: string[];
  image?: string;
  build?: { dockerfile: string };
}
const compose = parse(readFileSync(deploy("compose.yaml"), "utf8"), { merge: true }) as { services: Record<string, ComposeService> };
const servers = Object.entries(compose.services).filter(([name]) => /^otc-\d+$/.test(name));

describe("deploy/compose.yaml", () => {
  it("runs several server processes on one Redis and one PostgreSQL, with Janus, coturn and a TLS proxy", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["caddy", "coturn", "janus", "otc-1", "otc-2", "otc-3", "postgres", "redis"]);
    expect(servers.length).toBeGreaterThanOrEqual(2);
    for (const [, s] of servers) {
      expect(s.environment?.REDIS_URL).toBe("redis://redis:6379");
      expect(s.environment?.DATABASE_URL).toMatch(/^postgres:\/\/otc:.*@postgres:5432\/otc$/);
      expect(s.environment?.JANUS_URL).toMatch(/^ws:\/\//);
      expect(s.build?.dockerfile).toBe("deploy/Dockerfile");
    }
    // Each process its own public address, so a seat reservation names the process holding the room.
    const addresses = servers.map(([, s]) => s.environment?.PUBLIC_ADDRESS);
    expect(new Set(addresses).size).toBe(servers.length);
    expect(compose.services.redis!.command).toContain("--appendonly");
    // Media on the host's addresses; only the proxy publishes web ports.
    expect([compose.services.janus!.network_mode, compose.services.coturn!.network_mode]).toEqual(["host", "host"]);
    expect(compose.services.janus!.environment?.JANUS_RTP_PORTS).toMatch(/^\d+-\d+$/);
    expect(compose.services.caddy!.ports).toEqual(expect.arrayContaining(["80:80", "443:443"]));
  });

  it("routes each process's PUBLIC_ADDRESS prefix to that process in the Caddyfile, and the rest to all of them", () => {
    const caddy = readFileSync(deploy("Caddyfile"), "utf8");
    for (const [name, s] of servers) {
      const prefix = s.environment!.PUBLIC_ADDRESS!.replace("${OTC_DOMAIN}", "");
      expect(caddy).toMatch(new RegExp(`handle_path ${prefix}/\\* \\{\\s*reverse_proxy ${name}:2567\\s*\\}`));
    }
    const pool = /handle \{\s*reverse_proxy ([^{\n]+)\{/.exec(caddy)?.[1]?.trim().split(/\s+/);
    expect(pool?.sort()).toEqual(servers.map(([name]) => `${name}:2567`).sort());
  });

  it("names every variable it uses in .env.example", () => {
    const used = new Set([...readFileSync(deploy("compose.yaml"), "utf8").matchAll(/\$\{([A-Z_]+)\}/g)].map((m) => m[1]!));
    const documented = new Set([...readFileSync(deploy(".env.example"), "utf8").matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]!));
    expect([...used].filter((v) => !documented.has(v))).toEqual([]);
  });

  it("is accepted by `docker compose config` where Docker Compose is installed", ({ skip }) => {
    if (spawnSync("docker", ["compose", "version"]).status !== 0) {
      console.warn("\n!!! docker compose config check SKIPPED: Docker Compose is not installed here !!!\n");
      return skip("no docker compose");
    }
    const env = deploy(".env.example");
    const r = spawnSync("docker", ["compose", "--env-file", env, "-f", deploy("compose.yaml"), "config", "--quiet"], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});

describe("deploy/janus/entrypoint.sh", () => {
  it("fills the server's Janus templates: public address, TURN, RTP ports, secrets, API address", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "otc-janus-entry-"));
    try {
      mkdirSync(path.join(dir, "bin"));
      writeFileSync(path.join(dir, "bin", "janus"), "#!/bin/sh\necho \"janus $*\"\n");
      chmodSync(path.join(dir, "bin", "janus"), 0o755);
      const out = execFileSync("sh", [deploy("janus", "entrypoint.sh")], {
        encoding: "utf8",
        env: {
          PATH: `${path.join(dir, "bin")}:${process.env.PATH}`,
          JANUS_CONFIG_DIR: path.join(dir, "conf"),
          JANUS_TEMPLATES: path.join(REPO_ROOT, "apps/server/janus"),
          JANUS_API_SECRET: "api-secret",
          JANUS_ADMIN_KEY: "admin-key",
          JANUS_RTP_PORTS: "20000-20999",
          PUBLIC_IP: "203.0.113.10",
          TURN_HOST: "turn.example.org",
          TURN_SECRET: "turn-secret",
        },
      });
      expect(out.trim()).toBe(`janus -C ${path.join(dir, "conf", "janus.jcfg")} -F ${path.join(dir, "conf")}`);
      const conf = (name: string) => readFileSync(path.join(dir, "conf", name), "utf8");
      const all = ["janus.jcfg", "janus.plugin.videoroom.jcfg", "janus.transport.websockets.jcfg"].map(conf).join("\n");
      expect(all.split("\n").filter((line) => !line.trim().startsWith("#") && /@[A-Z_]+@/.test(line))).toEqual([]);
      expect(conf("janus.jcfg")).toMatch(/nat_1_1_mapping = "203\.0\.113\.10"/);
      expect(conf("janus.jcfg")).toMatch(/turn_server = "turn\.example\.org"/);
      // Janus' TURN password is the REST credential coturn accepts (the scheme the server's own browsers get).
      const [, user, pwd] = /turn_user = "(\d+:janus)"\s+turn_pwd = "([^"]+)"/.exec(conf("janus.jcfg"))!;
      const expiry = Number(user!.split(":")[0]);
      expect(turnIceConfig({ urls: ["turn:x"], secret: "turn-secret", ttlS: 0 }, "janus", expiry * 1000).servers[0]!.credential).toBe(pwd);
      expect(conf("janus.jcfg")).toMatch(/rtp_port_range = "20000-20999"/);
      expect(conf("janus.jcfg")).toMatch(/api_secret = "api-secret"/);
      expect(conf("janus.plugin.videoroom.jcfg")).toMatch(/admin_key = "admin-key"/);
      expect(conf("janus.transport.websockets.jcfg")).toMatch(/ws_ip = "172\.17\.0\.1"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("deploy/systemd", () => {
  it("passes `systemd-analyze verify` (instances on two ports, and Janus)", ({ skip }) => {
    if (spawnSync("systemd-analyze", ["--version"]).status !== 0) {
      console.warn("\n!!! systemd unit check SKIPPED: systemd-analyze is not installed here !!!\n");
      return skip("no systemd-analyze");
    }
    const dir = mkdtempSync(path.join(tmpdir(), "otc-units-"));
    try {
      cpSync(deploy("systemd"), dir, { recursive: true });
      const r = spawnSync("systemd-analyze", ["verify", path.join(dir, "otc@2568.service"), path.join(dir, "otc@2569.service"), path.join(dir, "otc-janus.service")], { encoding: "utf8" });
      // verify exits 0 on unknown keys and bad values too, printing them: the units must print nothing.
      expect(`${r.stdout}${r.stderr}`.trim()).toBe("");
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
