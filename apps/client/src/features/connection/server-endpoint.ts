/**
 * Where the training server lives: the page's own origin (the server serves this client), or
 * `?server=http://host:port` when the client runs from `vite dev`.
 */
export function serverEndpoint(location: Location): string {
  const override = new URLSearchParams(location.search).get("server");
  if (override && /^https?:\/\//.test(override)) return override.replace(/\/$/, "");
  return location.origin;
}
