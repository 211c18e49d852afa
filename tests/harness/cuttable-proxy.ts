import net from "node:net";
import type { AddressInfo } from "node:net";

/**
 * A TCP proxy in front of the server whose "cable" a test can pull: cut() drops every open
 * connection and refuses new ones until restore(). Pages loaded through it talk to the server only
 * through it, as a laptop behind a flaky Wi-Fi would.
 */
export interface CuttableProxy {
  url: string;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startCuttableProxy(targetPort: number): Promise<CuttableProxy> {
  const open = new Set<net.Socket>();
  let cutOff = false;
  const server = net.createServer((inbound) => {
    if (cutOff) {
      inbound.destroy();
      return;
    }
    const outbound = net.connect(targetPort, "127.0.0.1");
    open.add(inbound);
    open.add(outbound);
    const drop = () => {
      inbound.destroy();
      outbound.destroy();
      open.delete(inbound);
      open.delete(outbound);
    };
    inbound.on("error", drop).on("close", drop);
    outbound.on("error", drop).on("close", drop);
    inbound.pipe(outbound);
    outbound.pipe(inbound);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    cut() {
      cutOff = true;
      for (const s of open) s.destroy();
      open.clear();
    },
    restore() {
      cutOff = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
