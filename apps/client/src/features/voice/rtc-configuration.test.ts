import { describe, expect, it } from "vitest";
import { rtcConfigurationOf } from "./rtc-configuration.js";

describe("rtcConfigurationOf", () => {
  it("gives no ICE servers when the server has no TURN relay", () => {
    expect(rtcConfigurationOf({ iceServers: "" })).toEqual({});
  });

  it("passes the server's relays and credentials, and forces the relay when asked", () => {
    const servers = [{ urls: ["turn:turn.example.org:3478?transport=udp"], username: "1700000000:s1", credential: "abc=" }];
    expect(rtcConfigurationOf({ iceServers: JSON.stringify({ servers, relayOnly: false }) })).toEqual({ iceServers: servers });
    expect(rtcConfigurationOf({ iceServers: JSON.stringify({ servers, relayOnly: true }) })).toEqual({ iceServers: servers, iceTransportPolicy: "relay" });
  });

  it("falls back to direct media on anything it cannot read", () => {
    expect(rtcConfigurationOf({ iceServers: "{not json" })).toEqual({});
    expect(rtcConfigurationOf({ iceServers: JSON.stringify({ servers: [{ urls: ["http://evil"] }], relayOnly: true }) })).toEqual({});
  });
});
