// `host:port` listen addresses from the bootstrap file, and the address a server actually bound.
import type { Server as HttpServer } from "node:http";
import type { AddressInfo, Server } from "node:net";
import { isIP } from "node:net";
import { environmentError, inputError } from "../core/errors.js";

export interface ListenAddress {
  host: string;
  port: number;
}

/** Parses `127.0.0.1:8787`, `[::1]:0` or `localhost:9464` (pure); port 0 = ephemeral. */
export function parseListen(text: string, what = "listen"): ListenAddress {
  const m = /^(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9.-]+)):(\d{1,5})$/.exec(text.trim());
  const host = m?.[1] ?? m?.[2];
  const port = Number(m?.[3]);
  if (!m || !host || port > 65535 || (m[1] !== undefined && isIP(m[1]) !== 6)) {
    throw inputError("E_LISTEN", `${what}: "${text}" is not host:port (e.g. 127.0.0.1:8787, [::1]:8787)`, { listen: text });
  }
  return { host, port };
}

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** `host:port` of a listening server, IPv6 in brackets (what daemon.json records). */
export function boundAddress(server: Server): string {
  const a = server.address() as AddressInfo;
  return a.family === "IPv6" ? `[${a.address}]:${a.port}` : `${a.address}:${a.port}`;
}

/** Starts `server` listening on `at`; a taken or impossible address is an environment error. */
export function listenOn(server: Server, at: ListenAddress, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const fail = (e: NodeJS.ErrnoException) =>
      reject(environmentError("E_LISTEN_BIND", `${what}: cannot listen on ${at.host}:${at.port}: ${e.code ?? e.message}`, { ...at }));
    server.once("error", fail);
    server.listen(at.port, at.host, () => {
      server.off("error", fail);
      resolve(boundAddress(server));
    });
  });
}

/** Stops accepting, drops idle and open connections, and resolves when the server is closed. */
export function closeServer(server: HttpServer): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
