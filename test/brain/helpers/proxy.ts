// A TCP forwarder on loopback in front of the real PostgreSQL server, so a test can take the
// "database" down and bring it back (stop refuses connections, cut kills live ones).
import { type Server, type Socket, connect, createServer } from "node:net";

export interface Proxy {
  port: number;
  url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Destroys every open connection (the server "crashes" mid-transaction). */
  cut(): void;
}

export async function pgProxy(upstreamUrl: string): Promise<Proxy> {
  const up = new URL(upstreamUrl);
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(Number(up.port || 5432), up.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("close", () => sockets.delete(s));
          s.on("error", () => {});
        }
        client.pipe(upstream).pipe(client);
        client.on("close", () => upstream.destroy());
        upstream.on("close", () => client.destroy());
      });
      server.listen(port, "127.0.0.1", () => {
        port = (server!.address() as { port: number }).port;
        resolve();
      });
    });
  await listen();
  const cut = () => {
    for (const s of sockets) s.destroy();
  };
  const proxy: Proxy = {
    get port() {
      return port;
    },
    get url() {
      const u = new URL(upstreamUrl);
      u.hostname = "127.0.0.1";
      u.port = String(port);
      return u.toString();
    },
    start: listen,
    stop: () =>
      new Promise<void>((resolve) => {
        cut();
        server?.close(() => resolve());
      }),
    cut,
  };
  return proxy;
}
