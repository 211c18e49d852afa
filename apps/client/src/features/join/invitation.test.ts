import { PERSON_KEY_PATTERN } from "@otc/contract";
import { describe, expect, it } from "vitest";
import { invitationFrom, personKeyFor } from "./invitation.js";

function memoryStorage() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
}

describe("invitation", () => {
  it("reads the session and the token of an invitation link", () => {
    expect(invitationFrom({ pathname: "/s/induction-k3f9q2", search: "?k=abc.def&xr=emulate" })).toEqual({ sessionId: "induction-k3f9q2", link: "abc.def" });
  });

  it("has no link when the address carries none", () => {
    expect(invitationFrom({ pathname: "/s/demo", search: "" })).toEqual({ sessionId: "demo", link: null });
  });

  it("keeps one valid person key per tab storage", () => {
    const storage = memoryStorage();
    let n = 0;
    const random = (b: Uint8Array<ArrayBuffer>) => b.map(() => n++ % 256);
    const first = personKeyFor(storage, random);
    expect(first).toMatch(PERSON_KEY_PATTERN);
    expect(personKeyFor(storage, random)).toBe(first);
    expect(personKeyFor(memoryStorage(), random)).not.toBe(first);
  });
});
