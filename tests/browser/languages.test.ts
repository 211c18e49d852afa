// Two people in one session, each in their own language: Amélie, a participant who picks French on
// the join screen, and Lucía, the facilitator, who picks Spanish. Each reads the join screen, the
// people panel and the server's notices in their language (the server sends codes, the page words
// them); the choice is remembered for the next visit.
import { describe, expect, it } from "vitest";
import { browserSuite } from "../harness/browser-suite.js";
import { JOINED } from "../harness/client-page.js";
import type { Person } from "../harness/person.js";

const ADMIN = "languages-admin"; // the console API's bearer secret, to end the session at the end
const SESSION = "langues-idiomas";
// Generous waits: on a shared, loaded 2-core box a patch can take tens of seconds to reach a page.
const suite = browserSuite({ server: { adminSecret: ADMIN }, pageErrors: { ignore: /WebGL|GPU stall|swiftshader|WebSocket/i } });
const amelie = suite.person("Amélie", { lowPower: true }); // the screenshots are of words, not of light
const lucia = suite.person("Lucía", { lowPower: true });

/** Opens the invitation, picks a language in the (English, the browser's) join screen, and joins with the words of that language. */
async function joinIn(p: Person, invite: string, language: string, words: { name: string; join: string }): Promise<void> {
  await p.goto(invite);
  await p.page.getByLabel("Language").selectOption(language, { timeout: 90_000 });
  await p.page.getByLabel(words.name).fill(p.name);
  await p.page.getByRole("button", { name: words.join, exact: true }).click();
  await p.waitFor(JOINED, `${p.name} connected`, 120_000);
}

const row = (p: Person, list: string, name: string) => p.page.getByRole("list", { name: list }).getByRole("listitem").filter({ hasText: name });

describe("a French participant and a Spanish facilitator in one session", () => {
  it("each reads the join screen in the language they chose", async () => {
    await amelie.goto(await suite.server.invite(SESSION, "participant"));
    await amelie.page.getByLabel("Language").selectOption("fr", { timeout: 90_000 });
    await amelie.page.getByLabel("Nom affiché").waitFor({ timeout: 90_000 });
    expect(await amelie.page.getByRole("button", { name: "Rejoindre", exact: true }).isVisible()).toBe(true);
    expect(await amelie.page.getByText("Votre rôle dépend du lien que vous avez ouvert.", { exact: false }).isVisible()).toBe(true);
    expect(await amelie.page.getByRole("button", { name: "Tester mon micro" }).isVisible()).toBe(true);
    expect(await amelie.page.evaluate(() => document.documentElement.lang)).toBe("fr");
    await amelie.shot("languages-join-fr.png");
    await amelie.page.getByLabel("Nom affiché").fill(amelie.name);
    await amelie.page.getByRole("button", { name: "Rejoindre", exact: true }).click();
    await amelie.waitFor(JOINED, "Amélie connected", 120_000);

    await joinIn(lucia, await suite.server.invite(SESSION, "facilitator"), "es", { name: "Nombre visible", join: "Unirse" });
  });

  it("each reads the people panel in their language", async () => {
    await row(amelie, "Participants", "Lucía").getByText("Animateur").waitFor({ timeout: 90_000 });
    expect(await row(amelie, "Participants", "Amélie").getByText("(vous)").isVisible()).toBe(true);
    await row(lucia, "Personas", "Amélie").waitFor({ timeout: 90_000 });
    expect(await row(lucia, "Personas", "Lucía").getByText("Facilitador").isVisible()).toBe(true);
    expect(await lucia.page.getByLabel("2 presentes").isVisible()).toBe(true);
    // Lucía promotes Amélie: each reads the new role in their own words.
    await row(lucia, "Personas", "Amélie").getByRole("button", { name: "Nombrar cofacilitador a Amélie" }).click();
    await row(lucia, "Personas", "Amélie").getByText("Cofacilitador").waitFor({ timeout: 90_000 });
    await row(amelie, "Participants", "Amélie").getByText("Co-animateur").waitFor({ timeout: 90_000 });
    await row(lucia, "Personas", "Amélie").getByRole("button", { name: "Devolver a Amélie el rol de participante" }).click();
    await row(amelie, "Participants", "Amélie").getByText("Co-animateur").waitFor({ state: "detached", timeout: 90_000 });
    await lucia.shot("languages-people-es.png");
    // The facilitation and chat panels in each one's words (folded at first: opened, then folded again).
    const facilPanel = lucia.page.getByLabel("Panel de facilitación");
    const facil = facilPanel.locator("summary");
    await facil.click({ timeout: 90_000 });
    await facilPanel.getByText("No hay ninguna mano levantada.").waitFor({ timeout: 90_000 });
    expect(await lucia.page.getByRole("button", { name: "Dar la palabra al siguiente" }).isDisabled()).toBe(true);
    await lucia.shot("languages-facilitation-es.png");
    await facil.click();
    const chat = amelie.page.getByLabel("Panneau de discussion").locator("summary");
    await chat.click({ timeout: 90_000 });
    await amelie.page.getByPlaceholder("Écrire un message…").waitFor({ timeout: 90_000 });
    expect(await amelie.page.getByText("Aucun message pour l’instant.").isVisible()).toBe(true);
    await amelie.shot("languages-chat-fr.png");
    await chat.click();
  });

  it("a refusal from the server reaches Amélie in French, the lock that caused it too", async () => {
    await lucia.page.getByRole("button", { name: "Bloquear micrófonos" }).click();
    await amelie.page.getByText("Micros verrouillés par l’animateur").first().waitFor({ timeout: 90_000 });
    await amelie.hook("(otc.voice.simulateModifiedClientUnmute(), true)");
    await amelie.page.getByText("L’animateur a verrouillé les micros\u202f; vous ne pouvez pas réactiver le vôtre pour l’instant.").waitFor({ timeout: 90_000 });
    await amelie.shot("languages-refusal-fr.png");
    await lucia.page.getByRole("button", { name: "Desbloquear micrófonos" }).click();
    await lucia.page.getByRole("button", { name: "Bloquear micrófonos" }).waitFor({ timeout: 90_000 });
  });

  it("the facilitator changes language in the room's menu; the choice outlives the visit", async () => {
    await lucia.page.getByLabel("Idioma").selectOption("fr", { timeout: 90_000 });
    await row(lucia, "Participants", "Lucía").getByText("Animateur").waitFor({ timeout: 90_000 });
    await lucia.page.getByLabel("Langue").selectOption("es", { timeout: 90_000 });
    await row(lucia, "Personas", "Lucía").getByText("Facilitador").waitFor({ timeout: 90_000 });
    expect(await lucia.page.evaluate(() => localStorage.getItem("otc.language"))).toBe("es");
  });

  it("the session's end, a server notice, is told to each in their language; Amélie's certificate is offered in French", async () => {
    // Each page asks whether its person earned a certificate (Lucía, who came later, may not have): a plain answer, never a refusal.
    const asked = [amelie, lucia].map((p) => p.page.waitForResponse((r) => new URL(r.url()).pathname === `/api/sessions/${SESSION}/certificate`, { timeout: 90_000 }));
    const res = await fetch(`${suite.server.url}/api/sessions/${SESSION}/end`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN}` }, body: "{}" });
    expect(res.status).toBe(200);
    await amelie.page.getByText("Cette session est terminée.").first().waitFor({ timeout: 90_000 });
    await lucia.page.getByText("Esta sesión ha terminado.").first().waitFor({ timeout: 90_000 });
    expect((await Promise.all(asked)).map((r) => r.status())).toEqual([200, 200]);
    await amelie.page.getByRole("button", { name: "Télécharger mon attestation" }).waitFor({ timeout: 90_000 });
    await amelie.shot("languages-ended-fr.png");
  });
});
