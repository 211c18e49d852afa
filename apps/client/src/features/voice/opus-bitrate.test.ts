import { describe, expect, it } from "vitest";
import { withOpusMaxBitrate } from "./opus-bitrate.js";

const offer = [
  "v=0",
  "m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9",
  "a=rtpmap:111 opus/48000/2",
  "a=rtcp-fb:111 transport-cc",
  "a=fmtp:111 minptime=10;useinbandfec=1",
  "a=rtpmap:63 red/48000/2",
  "a=fmtp:63 111/111",
  "a=rtpmap:9 G722/8000",
  "",
].join("\r\n");

describe("Opus bitrate cap in a description", () => {
  it("adds maxaveragebitrate to the Opus fmtp line only, keeping the rest", () => {
    const capped = withOpusMaxBitrate(offer, 16_000);
    expect(capped).toContain("a=fmtp:111 minptime=10;useinbandfec=1;maxaveragebitrate=16000\r\n");
    expect(capped).toContain("a=fmtp:63 111/111\r\n");
    expect(capped.split("\r\n")).toHaveLength(offer.split("\r\n").length);
  });

  it("replaces an earlier cap, and adds an fmtp line where Opus has none", () => {
    expect(withOpusMaxBitrate(withOpusMaxBitrate(offer, 32_000), 16_000).match(/maxaveragebitrate=/g)).toHaveLength(1);
    const bare = "m=audio 9 RTP/AVP 96\na=rtpmap:96 opus/48000/2\n";
    expect(withOpusMaxBitrate(bare, 12_000)).toBe("m=audio 9 RTP/AVP 96\na=rtpmap:96 opus/48000/2\na=fmtp:96 maxaveragebitrate=12000\n");
  });
});

describe("packet length in a description", () => {
  it("asks for 120 ms packets once, after Opus's rtpmap, replacing an earlier ptime", () => {
    const asked = withOpusMaxBitrate(`${offer}a=ptime:20\r\n`, 12_000, 120);
    expect(asked.match(/a=ptime:/g)).toHaveLength(1);
    expect(asked).toContain("a=rtpmap:111 opus/48000/2\r\na=ptime:120\r\n");
    expect(asked).toContain("maxaveragebitrate=12000");
  });

  it("leaves the packet length alone when none is asked", () => {
    expect(withOpusMaxBitrate(`${offer}a=ptime:20\r\n`, 12_000)).toContain("a=ptime:20");
  });
});
