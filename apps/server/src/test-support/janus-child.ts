// A stand-in for our server process in janus-process.test.ts: starts a managed Janus the way the
// server does, prints its pid, and waits to be killed.
import { JANUS_TEMPLATE_DIR } from "../features/voice/sfu/sfu-setup.js";
import { findJanusBinary, startJanus } from "../features/voice/sfu/janus-process.js";

const binary = findJanusBinary();
if (!binary) throw new Error("janus is not installed");
const janus = await startJanus({ binary, templateDir: JANUS_TEMPLATE_DIR, log: () => undefined });
process.stdout.write(`${JSON.stringify({ pid: janus.pid })}\n`);
setInterval(() => undefined, 60_000);
