import Janode, { type JanodeConnection, type JanodeSession } from "janode";
import VideoRoomPlugin, { type VideoRoomHandle } from "janode/plugins/videoroom";

/** Where our server reaches Janus: a managed child, or JANUS_URL for one run elsewhere. */
export interface JanusEndpoint {
  url: string;
  apiSecret?: string;
  /** VideoRoom admin key, when Janus is configured to require one for creating rooms. */
  adminKey?: string;
}

export { VideoRoomPlugin };
/** janode's event on a handle once its PeerConnection with Janus is up (ICE + DTLS done). */
export const HANDLE_WEBRTCUP = Janode.EVENT.HANDLE_WEBRTCUP ?? "handle_webrtcup";
export type { VideoRoomHandle };

/**
 * One janode connection and session to Janus, shared by every training room of this server.
 * Rooms attach their own VideoRoom handles; this class creates/destroys Janus rooms and moderates.
 */
export class JanusGateway {
  private constructor(
    private readonly connection: JanodeConnection,
    private readonly session: JanodeSession,
    private readonly manager: VideoRoomHandle,
    private readonly endpoint: JanusEndpoint,
  ) {}

  static async connect(endpoint: JanusEndpoint): Promise<JanusGateway> {
    Janode.Logger.setLevel("none");
    const connection = await Janode.connect({ address: { url: endpoint.url, ...(endpoint.apiSecret ? { apisecret: endpoint.apiSecret } : {}) }, max_retries: 3, retry_time_secs: 1 });
    const session = await connection.create();
    const manager = await session.attach<VideoRoomHandle>(VideoRoomPlugin);
    return new JanusGateway(connection, session, manager, endpoint);
  }

  attach(): Promise<VideoRoomHandle> {
    return this.session.attach<VideoRoomHandle>(VideoRoomPlugin);
  }

  /** An audio-only Opus room for one training session; talking events feed subscription selection. */
  async createRoom(description: string): Promise<number> {
    const created = await this.manager.create({
      description: description.slice(0, 64),
      max_publishers: 200,
      audiocodec: "opus",
      talking_events: true,
      talking_level_threshold: 60, // dBov average; Janus' default 25 is too strict for fake/quiet mics
      talking_packets_threshold: 50,
      notify_joining: false,
      ...(this.endpoint.adminKey ? { admin_key: this.endpoint.adminKey } : {}),
    });
    return created.room;
  }

  async destroyRoom(room: number): Promise<void> {
    await this.manager.destroy({ room }).catch(() => undefined);
  }

  /** Stops (or resumes) Janus forwarding one publisher's audio to every subscriber. */
  async moderate(room: number, feed: number, mute: boolean): Promise<void> {
    await this.manager.message({ request: "moderate", room, id: feed, mid: "0", mute });
  }

  async close(): Promise<void> {
    await this.session.destroy().catch(() => undefined);
    await this.connection.close().catch(() => undefined);
  }
}
