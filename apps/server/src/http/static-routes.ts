import { existsSync } from "node:fs";
import path from "node:path";
import express, { type Application, type Request, type Response } from "express";
import { PROTOCOL_VERSION } from "@otc/contract";

export interface StaticRoutesOptions {
  clientDir: string;
  assetsDir: string;
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Client not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>The client is not built yet</h1>
<p>client not built: run the start command (<code>pnpm start</code>), which builds the web client and then serves it here.</p>
</body></html>`;

/**
 * Plain HTTP beside Colyseus on the same port: `/healthz`, `/assets/*` (room layouts and other
 * shared assets) and the built client with an SPA fallback, so `/s/<sessionId>` opens the app and
 * `/console` the facilitator console.
 * Colyseus' own matchmaking routes are answered before this app sees a request.
 */
export function mountStaticRoutes(app: Application, opts: StaticRoutesOptions): void {
  app.disable("x-powered-by");

  app.get("/healthz", (_req: Request, res: Response) => {
    res.json({ ok: true, protocol: PROTOCOL_VERSION });
  });

  app.use("/assets", express.static(opts.assetsDir, { fallthrough: false, dotfiles: "ignore", index: false }));

  app.use(express.static(opts.clientDir, { dotfiles: "ignore", index: "index.html" }));

  // SPA fallback: any other GET that looks like a page (no file extension) gets the app shell.
  app.use((req: Request, res: Response) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.status(405).type("text/plain").send("method not allowed");
      return;
    }
    if (path.extname(req.path) !== "") {
      res.status(404).type("text/plain").send("not found");
      return;
    }
    // The facilitator console is its own page (no 3D code); everything else is the room app.
    const page = req.path === "/console" || req.path.startsWith("/console/") ? "console.html" : "index.html";
    const index = path.join(opts.clientDir, page);
    if (!existsSync(index)) {
      res.status(503).type("html").send(NOT_BUILT_PAGE);
      return;
    }
    res.sendFile(index);
  });
}

/** Keeps express from answering errors with a stack trace page. */
export function mountErrorHandler(app: Application, log: (line: string) => void): void {
  app.use((err: unknown, req: Request, res: Response, _next: express.NextFunction) => {
    const status = typeof err === "object" && err !== null && "status" in err && typeof err.status === "number" ? err.status : 500;
    if (status >= 500) log(`http ${req.method} ${req.path} failed: ${String(err)}`);
    res.status(status).type("text/plain").send(status === 404 ? "not found" : "request failed");
  });
}
