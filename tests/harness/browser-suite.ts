import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { launchChromium, openWatchedPage, voiceArgs } from "./chromium.js";
import { resultsDir } from "./paths.js";
import { Person, type PersonOptions } from "./person.js";
import { startTestServer, type TestServer, type TestServerOptions } from "./test-server.js";
import { describePage } from "./wait.js";
import { VR_WINDOW } from "./xr-render-size.js";

export interface SuiteOptions {
  server?: TestServerOptions;
  /** Also fail the file on any page error not matching this pattern (errors are recorded either way). */
  pageErrors?: { ignore: RegExp };
}

export interface BrowserSuite {
  /** The file's one real server (started before the first test). */
  readonly server: TestServer;
  /** Declares a person, opened before the file's first test and kept open across its tests. */
  person(name: string, opts?: PersonOptions): Person;
  /** Opens a person now (someone who arrives during a test). */
  openPerson(name: string, opts?: PersonOptions): Promise<Person>;
}

/**
 * One browser test file's world: call once at the top level. Registers beforeAll/afterAll that start
 * ONE test server, open the declared persons (Chromium launched lazily: desktop and VR persons share
 * one browser, voice persons another with `voiceArgs()`, `ownBrowser` persons one each), screenshot
 * every open person when a test fails (test-results/failed-<file>-<person>.png, with the page's state and alerts logged), and at the end fail
 * the file if any person's page tried to leave 127.0.0.1, then close browsers and server regardless.
 */
export function browserSuite(opts: SuiteOptions = {}): BrowserSuite {
  let server: TestServer | undefined;
  let started = false;
  const persons: Person[] = [];
  const shared = new Map<"plain" | "voice", Promise<Browser>>();
  const launched: Array<Promise<Browser>> = [];

  const launch = (args?: string[]) => {
    const b = launchChromium(args ? { args } : {});
    launched.push(b);
    return b;
  };
  const browserFor = (p: PersonOptions): Promise<Browser> => {
    const args = p.voice ? voiceArgs() : undefined;
    if (p.ownBrowser) return launch(args);
    const kind = p.voice ? "voice" : "plain";
    if (!shared.has(kind)) shared.set(kind, launch(args));
    return shared.get(kind)!;
  };
  const open = async (person: Person) => person.attach(await openWatchedPage(await browserFor(person.options), person.options.viewport ?? (person.options.vr ? VR_WINDOW : undefined), person.options.touch));
  const serverUrl = () => suite.server.url;

  const suite: BrowserSuite = {
    get server() {
      if (!server) throw new Error("the test server starts in beforeAll: use suite.server inside tests or hooks");
      return server;
    },
    person(name, personOpts = {}) {
      const person = new Person(name, personOpts, serverUrl);
      persons.push(person);
      return person;
    },
    async openPerson(name, personOpts = {}) {
      const person = suite.person(name, personOpts);
      await open(person);
      return person;
    },
  };

  beforeAll(async () => {
    mkdirSync(resultsDir, { recursive: true });
    server = await startTestServer(opts.server);
    started = true;
    for (const p of persons) await open(p);
  });

  beforeEach((ctx) => {
    ctx.onTestFailed(async () => {
      const file = path.basename(ctx.task.file.name).replace(/\.test\.ts$/, "");
      for (const p of persons.filter((x) => x.isOpen)) {
        await p.shot(`failed-${file}-${p.name}.png`).catch(() => undefined);
        // what the screenshot may have scrolled away: the page's state and every alert it shows (a join error, a notice)
        const alerts = await p.page.getByRole("alert").allTextContents().catch(() => [] as string[]);
        const state = await describePage(p.page).catch((e: Error) => `not described (${e.message})`);
        console.log(`[failed ${file}] ${p.name}: ${state}; alerts: ${JSON.stringify(alerts)}`);
      }
    });
  });

  afterAll(async () => {
    const blocked = persons.flatMap((p) => p.blocked.map((url) => `${p.name}: ${url}`));
    const ignore = opts.pageErrors?.ignore;
    const errors = ignore ? persons.filter((p) => !p.options.ignoreErrors).flatMap((p) => p.errors.filter((e) => !ignore.test(e)).map((e) => `${p.name}: ${e}`)) : [];
    try {
      await Promise.all(launched.map((b) => b.then((x) => x.close(), () => undefined)));
    } finally {
      if (started) await server?.close();
    }
    if (blocked.length) throw new Error(`pages tried to reach beyond 127.0.0.1 (refused):\n  ${blocked.join("\n  ")}`);
    if (errors.length) throw new Error(`pages raised errors:\n  ${errors.join("\n  ")}`);
  });

  return suite;
}
