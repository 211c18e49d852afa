import type { NextFunction, Request, Response } from "express";

/**
 * The Content-Security-Policy of every page: scripts only from this origin and never `eval`
 * ('wasm-unsafe-eval' lets the meshopt and Draco decoders compile WebAssembly; it does not allow
 * eval of JavaScript); workers from this origin or blob: (pdf.js, three's loaders); images and
 * media also from data:/blob: (textures decoded from GLB, slide pages drawn to blobs, voice);
 * connections to this origin only, WebSockets included (named per request: not every browser
 * counts ws:/wss: to the same host as 'self'). Inline styles are allowed: React and the 3D UI kit
 * set style attributes. No plugins, no <base> tricks, and no page may frame this one.
 */
export function contentSecurityPolicy(host: string | undefined): string {
  const sockets = host && /^[A-Za-z0-9.:[\]-]+$/.test(host) ? ` ws://${host} wss://${host}` : "";
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    "child-src 'self' blob:",
    "img-src 'self' data: blob:",
    "media-src 'self' data: blob: mediastream:",
    "font-src 'self' data:",
    "style-src 'self' 'unsafe-inline'",
    `connect-src 'self' data: blob:${sockets}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Seconds browsers keep to HTTPS once they saw it here: one year. */
const HSTS_MAX_AGE_S = 365 * 24 * 60 * 60;

/**
 * Headers on every HTTP answer: the CSP above, no MIME sniffing (an uploaded file is never run as
 * script or page), no framing, no Referer (session links carry their token in the URL), and HSTS
 * only when the server itself speaks HTTPS (over plain HTTP it would be ignored, and on a LAN
 * address it would lock browsers out of a later plain-HTTP start).
 */
export function securityHeaders(opts: { https: boolean }) {
  return (req: Request, res: Response, next: NextFunction): void => {
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(req.headers.host));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "no-referrer");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    if (opts.https) res.setHeader("Strict-Transport-Security", `max-age=${HSTS_MAX_AGE_S}`);
    next();
  };
}
