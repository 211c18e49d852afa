#!/usr/bin/env node
// Runs a command inside a fresh, unprivileged network namespace prepared for Janus (VOICE.md): lo
// up, plus a veth pair with 127.0.0.2 that Janus may gather ICE candidates on (it ignores lo). The
// kernel still routes 127.0.0.2 over loopback, so Chromium, our server and Janus all meet there.
// The command gets OTC_JANUS_ICE=127.0.0.2. Nothing in the namespace can reach the network.
//   node scripts/netns.mjs npx vitest run --project browser tests/browser/voice-sfu.test.ts
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";

const SETUP = [
  "ip link set lo up",
  "ip link add veth-otc0 type veth peer name veth-otc1",
  "ip addr add 127.0.0.2/32 dev veth-otc0",
  "ip link set veth-otc0 up",
  "ip link set veth-otc1 up",
].join(" && ");

// As real root a plain network namespace is enough, and keeps every uid usable (PostgreSQL must run
// as its own user); otherwise an unprivileged user namespace provides one.
const UNSHARE = process.getuid?.() === 0 ? "-n" : "-rn";

/** Whether this machine lets us make such a namespace (unshare from util-linux, user namespaces, iproute2). */
export function canUseVoiceNamespace() {
  return spawnSync("unshare", [UNSHARE, "sh", "-c", SETUP], { stdio: "ignore" }).status === 0;
}

/** Runs `cmd args` in the namespace; returns its exit status. */
export function runInVoiceNamespace(cmd, args, opts = {}) {
  const r = spawnSync("unshare", [UNSHARE, "sh", "-c", `${SETUP} && exec "$@"`, "sh", cmd, ...args], {
    stdio: "inherit",
    ...opts,
    env: { ...process.env, ...opts.env, OTC_JANUS_ICE: "127.0.0.2" },
  });
  return r.status ?? 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [cmd, ...args] = process.argv.slice(2);
  if (!cmd) {
    console.error("usage: node scripts/netns.mjs <command> [args…]");
    process.exit(2);
  }
  process.exit(runInVoiceNamespace(cmd, args));
}
