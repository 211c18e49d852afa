import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TurnOptions } from "../turn-credentials.js";
import { JanusGateway } from "./janus-gateway.js";
import { findJanusBinary, startJanus, type JanusChild } from "./janus-process.js";

/**
 * How this server gets an SFU. `janusUrl`: a Janus someone else runs (its API secret and VideoRoom
 * admin key if configured). Otherwise `managed`: start the `janus` binary (found on PATH, or the
 * given path) as a child with our config folder. Neither, or `off`: voice stays peer-to-peer.
 */
export interface VoiceServerOptions {
  janusUrl?: string;
  janusApiSecret?: string;
  janusAdminKey?: string;
  managed?: boolean | string;
  /** Restrict Janus' ICE candidates to these interfaces/addresses (tests: the namespace's veth). */
  iceEnforceList?: string;
  rtpPortRange?: string;
  /** TURN relays browsers use for voice, mesh or SFU (absent: direct media only, fine on a LAN). */
  turn?: TurnOptions;
}

export const JANUS_TEMPLATE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../janus");

export interface Sfu {
  gateway: JanusGateway;
  /** "external" or "managed", for the start-up line. */
  kind: "external" | "managed";
  close(): Promise<void>;
}

export async function startSfu(opts: VoiceServerOptions | undefined, log: (line: string) => void): Promise<Sfu | null> {
  if (!opts) return null;
  if (opts.janusUrl) {
    const gateway = await JanusGateway.connect({ url: opts.janusUrl, ...(opts.janusApiSecret ? { apiSecret: opts.janusApiSecret } : {}), ...(opts.janusAdminKey ? { adminKey: opts.janusAdminKey } : {}) });
    return { gateway, kind: "external", close: () => gateway.close() };
  }
  if (!opts.managed) return null;
  const binary = typeof opts.managed === "string" ? opts.managed : findJanusBinary();
  if (!binary) return null;
  let child: JanusChild | null = null;
  try {
    child = await startJanus({ binary, templateDir: JANUS_TEMPLATE_DIR, log, ...(opts.iceEnforceList ? { iceEnforceList: opts.iceEnforceList } : {}), ...(opts.rtpPortRange ? { rtpPortRange: opts.rtpPortRange } : {}) });
    const gateway = await JanusGateway.connect({ url: child.url, apiSecret: child.apiSecret, adminKey: child.adminKey });
    const running = child;
    return {
      gateway,
      kind: "managed",
      async close() {
        await gateway.close();
        await running.stop();
      },
    };
  } catch (e) {
    await child?.stop();
    log(`voice: could not start Janus (${(e as Error).message}); voice stays peer-to-peer`);
    return null;
  }
}
