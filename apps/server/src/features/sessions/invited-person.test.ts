import { describe, expect, it } from "vitest";
import type { SessionRecord } from "../../storage/storage.js";
import { invitedPerson, personIdOf } from "./admission.js";
import { signLink } from "./links.js";

const secret = Buffer.alloc(32, 7);
const KEY = "k".repeat(22);
// The one session this storage holds: its participant link was renewed once (version 2), and it has ended.
const session = { id: "induction-ab12", linkVersions: { participant: 2, facilitator: 1 }, endedAt: 1 } as unknown as SessionRecord;
const deps = { secret, storage: { getSession: async (id: string) => (id === session.id ? session : undefined) } };
const link = (sessionId: string, version: number) => signLink(secret, { sessionId, kind: "participant", version });

describe("the invited person behind a request about a session (survey, own certificate)", () => {
  it("is found from a current link and a person key, also after the session ended", async () => {
    expect(await invitedPerson(session.id, link(session.id, 2), KEY, deps)).toEqual({ session, personId: personIdOf(KEY) });
  });

  it("is refused with a replaced link, another session's link, a forged one, or a malformed person key or session id", async () => {
    expect(await invitedPerson(session.id, link(session.id, 1), KEY, deps)).toBeNull();
    expect(await invitedPerson(session.id, link("other-session", 2), KEY, deps)).toBeNull();
    expect(await invitedPerson("other-session", link("other-session", 2), KEY, deps)).toBeNull(); // no such session
    expect(await invitedPerson(session.id, signLink(Buffer.alloc(32, 8), { sessionId: session.id, kind: "participant", version: 2 }), KEY, deps)).toBeNull();
    expect(await invitedPerson(session.id, link(session.id, 2), "short", deps)).toBeNull();
    expect(await invitedPerson("../etc", link(session.id, 2), KEY, deps)).toBeNull();
  });
});
