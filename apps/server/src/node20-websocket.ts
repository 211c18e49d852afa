import { createRequire } from "node:module";

/**
 * Colyseus 0.18 checks `client.readyState !== WebSocket.OPEN` when a dropped client reconnects,
 * reading the global `WebSocket` that Node only has from version 22. On Node 20 every reconnection
 * fails with "WebSocket is not defined", so lend it the `ws` class the transport itself uses.
 * Does nothing where the global exists.
 */
export function ensureWebSocketGlobal(): void {
  const g = globalThis as { WebSocket?: unknown };
  if (g.WebSocket !== undefined) return;
  const fromTransport = createRequire(createRequire(import.meta.url).resolve("@colyseus/ws-transport"));
  const ws = fromTransport("ws") as { WebSocket: unknown };
  g.WebSocket = ws.WebSocket;
}
