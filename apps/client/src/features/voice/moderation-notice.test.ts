import { describe, expect, it } from "vitest";
import { FORCED_MUTE_TEXT, LOCKED_TEXT, moderationNotice } from "./moderation-notice.js";

const base = { muteLocked: false, forcedMutes: 0, moderator: false };

describe("moderation notices", () => {
  it("a lock is told as the lock, even though it also muted us", () => {
    expect(moderationNotice(base, { ...base, muteLocked: true, forcedMutes: 1 })).toBe(LOCKED_TEXT);
  });
  it("a facilitator's mute is told; a moderator is not told of a lock", () => {
    expect(moderationNotice(base, { ...base, forcedMutes: 1 })).toBe(FORCED_MUTE_TEXT);
    expect(moderationNotice({ ...base, moderator: true }, { ...base, moderator: true, muteLocked: true })).toBeNull();
  });
  it("nothing new, nothing told (an unlock, a patch that changes nothing)", () => {
    expect(moderationNotice(base, base)).toBeNull();
    expect(moderationNotice({ ...base, muteLocked: true }, base)).toBeNull();
  });
});
