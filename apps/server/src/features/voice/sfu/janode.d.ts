// Minimal types for the parts of janode 1.8 (Meetecho's Janus client, plain JS) this server uses.
declare module "janode" {
  import type { EventEmitter } from "node:events";
  export interface Jsep {
    type: "offer" | "answer";
    sdp: string;
  }
  export interface JanodeHandle extends EventEmitter {
    message(body: Record<string, unknown>, jsep?: Jsep): Promise<unknown>;
    detach(): Promise<void>;
  }
  export interface JanodeSession extends EventEmitter {
    attach<H extends JanodeHandle>(plugin: { id: string; Handle: unknown; EVENT: Record<string, string> }): Promise<H>;
    destroy(): Promise<void>;
  }
  export interface JanodeConnection extends EventEmitter {
    create(ka_interval?: number): Promise<JanodeSession>;
    close(): Promise<void>;
  }
  const Janode: {
    connect(config: { is_admin?: boolean; address: { url: string; apisecret?: string } | Array<{ url: string; apisecret?: string }>; retry_time_secs?: number; max_retries?: number }): Promise<JanodeConnection>;
    EVENT: Record<string, string>;
    Logger: { setLevel(level: string): void };
  };
  export default Janode;
}

declare module "janode/plugins/videoroom" {
  import type { JanodeHandle, Jsep } from "janode";
  export interface VideoRoomHandle extends JanodeHandle {
    create(p: { room?: number; description?: string; max_publishers?: number; admin_key?: string; audiocodec?: string; talking_events?: boolean; talking_level_threshold?: number; talking_packets_threshold?: number; bitrate?: number; notify_joining?: boolean }): Promise<{ room: number }>;
    destroy(p: { room: number }): Promise<unknown>;
    joinConfigurePublisher(p: { room: number; feed: number; display?: string; audio?: boolean; video?: boolean; jsep: Jsep }): Promise<{ jsep?: Jsep }>;
    joinSubscriber(p: { room: number; streams: Array<{ feed: number; mid?: string }>; autoupdate?: boolean; use_msid?: boolean }): Promise<{ jsep?: Jsep; streams?: SubscriberStream[] }>;
    update(p: { subscribe?: Array<{ feed: number }>; unsubscribe?: Array<{ feed: number }> }): Promise<unknown>;
    start(p: { jsep: Jsep }): Promise<unknown>;
    leave(): Promise<unknown>;
  }
  export interface SubscriberStream {
    mid: string;
    type?: string;
    feed_id?: number;
    active?: boolean;
  }
  const plugin: { id: string; Handle: unknown; EVENT: Record<string, string> };
  export default plugin;
}
