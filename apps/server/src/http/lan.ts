import { networkInterfaces } from "node:os";

/** Non-internal IPv4 addresses of this machine: where a headset on the same LAN can reach it. */
export function lanIPv4Addresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const addr of list ?? []) {
      if (addr.family === "IPv4" && !addr.internal) out.push(addr.address);
    }
  }
  return out;
}
