import { ClientState, type Client } from "@colyseus/core";

/**
 * Bytes a message built for `sendInPlace` leaves free at its start: room for the WebSocket frame's own
 * header (2 bytes for up to 125 bytes of payload, 4 for up to 65,535), written in place.
 */
export const WS_HEADROOM = 4;

/** The parts of a `ws` WebSocket (the library behind @colyseus/ws-transport) this send relies on. */
interface WsSocket {
  readyState: number;
  _socket?: { write(bytes: Uint8Array): boolean; writable: boolean };
  _sender?: { _state: number; _queue: unknown[] };
}

const WS_OPEN = 1;
/** ws' Sender sends at once only in this state (not while compressing or reading a Blob). */
const SENDER_IDLE = 0;
const BINARY_FINAL = 0x82;

/** The socket a message can be written to directly, or undefined where only the transport's own send is safe. */
function directSocket(client: Client): WsSocket["_socket"] {
  if (client.state !== ClientState.JOINED) return undefined; // Colyseus queues messages until the join completes
  const ws = (client as unknown as { ref?: WsSocket }).ref;
  const sender = ws?._sender;
  if (!ws || ws.readyState !== WS_OPEN || !sender || sender._state !== SENDER_IDLE || sender._queue.length > 0) return undefined;
  const socket = ws._socket;
  return socket?.writable ? socket : undefined;
}

/**
 * Sends `framed` (WS_HEADROOM free bytes, then a whole Colyseus message) as one binary WebSocket frame.
 * The relay sends every viewer a frame on every tick, and ws' own send costs a header allocation, a
 * cork and a two-buffer write per message; here the frame header goes into the free bytes and the
 * message leaves in one socket write, byte for byte what ws would send (server frames are not masked,
 * and the server has no per-message compression). Where that is not safe (a client still joining or
 * closing, ws busy with a queued message, another transport, a message of 64 KiB or more) it goes
 * through the client's own send instead, in order with everything else.
 */
export function sendInPlace(client: Client, framed: Uint8Array): void {
  const length = framed.length - WS_HEADROOM;
  const socket = length < 0x10000 ? directSocket(client) : undefined;
  if (!socket) {
    client.enqueueRaw(framed.subarray(WS_HEADROOM));
    return;
  }
  if (length < 126) {
    framed[2] = BINARY_FINAL;
    framed[3] = length;
    socket.write(framed.subarray(2));
  } else {
    framed[0] = BINARY_FINAL;
    framed[1] = 126;
    framed[2] = length >>> 8;
    framed[3] = length & 0xff;
    socket.write(framed);
  }
}
