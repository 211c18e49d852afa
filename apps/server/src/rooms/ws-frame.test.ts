import { ClientState } from "@colyseus/core";
import { WebSocketClient } from "@colyseus/ws-transport";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { WS_HEADROOM, sendInPlace } from "./ws-frame.js";

/** The parts of `ws` this test uses: the very library the transport uses (its dependency, not ours, so typed here). */
interface WsSocket {
  readyState: number;
  send: (data: Uint8Array, ...rest: unknown[]) => void;
  on(event: "message", listener: (data: Buffer) => void): void;
  once(event: "open", listener: () => void): void;
  terminate(): void;
}
interface WsServer {
  address(): AddressInfo;
  once(event: "listening", listener: () => void): void;
  once(event: "connection", listener: (socket: WsSocket) => void): void;
  close(done: () => void): void;
}
const ws = createRequire(createRequire(import.meta.url).resolve("@colyseus/ws-transport"))("ws") as {
  WebSocketServer: new (options: object) => WsServer;
  WebSocket: { new (url: string): WsSocket; OPEN: number };
};

interface Pair {
  client: WebSocketClient;
  received: Buffer[];
  /** Resolves once the browser side holds `n` messages. */
  until(n: number): Promise<void>;
  /** How many messages went through ws' own send (the fallback). */
  viaWs(): number;
  close(): Promise<void>;
}

const open: Pair[] = [];
afterEach(async () => {
  for (const pair of open.splice(0)) await pair.close();
});

/** A real ws server and client on loopback; the server side wrapped as Colyseus wraps it, joined. */
async function connected(): Promise<Pair> {
  const server = new ws.WebSocketServer({ port: 0, host: "127.0.0.1", perMessageDeflate: false });
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const accepted = new Promise<WsSocket>((resolve) => server.once("connection", resolve));
  const peer = new ws.WebSocket(`ws://127.0.0.1:${server.address().port}`);
  const received: Buffer[] = [];
  const waiters: Array<() => void> = [];
  peer.on("message", (data: Buffer) => {
    received.push(data);
    for (const w of waiters.splice(0)) w();
  });
  const socket = await accepted;
  await new Promise<void>((resolve) => (peer.readyState === ws.WebSocket.OPEN ? resolve() : peer.once("open", () => resolve())));
  const client = new WebSocketClient("a", socket as never);
  client.state = ClientState.JOINED;
  let viaWs = 0;
  const send = socket.send.bind(socket);
  socket.send = ((...args: Parameters<typeof send>) => {
    viaWs++;
    return send(...args);
  }) as typeof socket.send;
  const pair: Pair = {
    client,
    received,
    until: async (n) => {
      const deadline = Date.now() + 5000; // a malformed frame closes the connection: nothing more comes
      while (received.length < n) {
        if (Date.now() > deadline) throw new Error(`${received.length} of ${n} messages arrived`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
    },
    viaWs: () => viaWs,
    close: async () => {
      peer.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  open.push(pair);
  return pair;
}

/** A message of `length` bytes (its values count up) built as the relay builds one: WS_HEADROOM free bytes in front. */
function framed(length: number, seed: number): { framed: Uint8Array; message: Buffer } {
  const message = Buffer.alloc(length);
  for (let i = 0; i < length; i++) message[i] = (seed + i) & 0xff;
  const out = new Uint8Array(WS_HEADROOM + length);
  out.set(message, WS_HEADROOM);
  return { framed: out, message };
}

describe("sending a frame in place", () => {
  it("arrives byte for byte at every length a WebSocket frame header changes at, in one socket write and not through ws", async () => {
    const pair = await connected();
    const lengths = [1, 2, 125, 126, 127, 300, 4096, 65_535];
    const sent = lengths.map((length, i) => framed(length, i));
    for (const s of sent) sendInPlace(pair.client, s.framed);
    await pair.until(lengths.length);
    expect(pair.received.map((b) => b.length)).toEqual(lengths);
    pair.received.forEach((b, i) => expect(b.equals(sent[i]!.message)).toBe(true));
    expect(pair.viaWs()).toBe(0);
  });

  it("keeps its place among messages sent through the transport", async () => {
    const pair = await connected();
    const order: Buffer[] = [];
    for (let i = 0; i < 40; i++) {
      const s = framed(10 + i * 7, i);
      order.push(s.message);
      if (i % 3 === 0) pair.client.raw(s.message);
      else sendInPlace(pair.client, s.framed);
    }
    await pair.until(order.length);
    expect(pair.received.map((b) => b.toString("hex"))).toEqual(order.map((b) => b.toString("hex")));
  });

  it("leaves a message of 64 KiB or more, and any message to a client still joining, to the transport", async () => {
    const pair = await connected();
    const big = framed(70_000, 5);
    sendInPlace(pair.client, big.framed);
    await pair.until(1);
    expect(pair.received[0]!.equals(big.message)).toBe(true);
    expect(pair.viaWs()).toBe(1);

    pair.client.state = ClientState.JOINING;
    const early = framed(20, 9);
    sendInPlace(pair.client, early.framed);
    expect(pair.client._enqueuedMessages).toHaveLength(1); // Colyseus sends it once the join completes
    expect(Buffer.from(pair.client._enqueuedMessages[0] as Uint8Array).equals(early.message)).toBe(true);
    expect(pair.received).toHaveLength(1);
  });
});
