// Preloaded into a server child by process-guards.test.ts: on SIGUSR2 (sent once the server is
// serving), a promise rejects with nobody awaiting it, as a forgotten fire-and-forget write would.
process.on("SIGUSR2", () => void Promise.reject(new Error("a write nobody awaited")));
