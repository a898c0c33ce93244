// The daemon's local Unix socket (<state>/daemon.sock, mode 0600): one JSON request per line, one
// JSON response per line. `soulsync sync`, `status`, `brain` and the post-receive hook use it
// while a daemon holds the state directory, the way `flux reconcile` asks the controller.
import { chmod, rm } from "node:fs/promises";
import { createConnection, createServer, type Server } from "node:net";
import { join } from "node:path";

export const socketPath = (stateDir: string): string => join(stateDir, "daemon.sock");

/** Longest request line accepted; requests are small commands, never data. */
const MAX_LINE = 64 * 1024;

export type SocketRequest =
  | { op: "ping" }
  | { op: "status" }
  | { op: "sync"; agent?: string; force?: boolean }
  | { op: "notify"; repo: string }
  | { op: "rollback"; agent: string; to?: string }
  | { op: "brain"; cmd: "search" | "stats"; agent: string; query?: string; limit?: number; topic?: string };

export type SocketHandler = (req: SocketRequest) => Promise<unknown>;

/** Checks the shape of an untrusted request (pure); undefined when it is not one we serve. */
export function parseRequest(line: string): SocketRequest | undefined {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!v || typeof v !== "object" || Array.isArray(v)) return undefined;
  const r = v as Record<string, unknown>;
  const str = (x: unknown) => x === undefined || (typeof x === "string" && x.length <= 4096);
  switch (r.op) {
    case "ping":
    case "status":
      return { op: r.op };
    case "sync":
      if (!str(r.agent) || (r.force !== undefined && typeof r.force !== "boolean")) return undefined;
      return { op: "sync", agent: r.agent as string | undefined, force: r.force as boolean | undefined };
    case "notify":
      if (typeof r.repo !== "string" || !str(r.repo)) return undefined;
      return { op: "notify", repo: r.repo };
    case "rollback":
      if (typeof r.agent !== "string" || !str(r.agent) || !str(r.to)) return undefined;
      return { op: "rollback", agent: r.agent, to: r.to as string | undefined };
    case "brain":
      if ((r.cmd !== "search" && r.cmd !== "stats") || typeof r.agent !== "string" || !str(r.query) || !str(r.topic)) return undefined;
      if (r.limit !== undefined && (typeof r.limit !== "number" || !Number.isInteger(r.limit) || r.limit < 1 || r.limit > 1000)) return undefined;
      return { op: "brain", cmd: r.cmd, agent: r.agent, query: r.query as string | undefined, limit: r.limit as number | undefined, topic: r.topic as string | undefined };
    default:
      return undefined;
  }
}

/** Listens on the socket; a stale socket file from a dead daemon is replaced (the caller holds the daemon lock). */
export async function serveSocket(path: string, handle: SocketHandler): Promise<{ close(): Promise<void> }> {
  await rm(path, { force: true });
  const server: Server = createServer((conn) => {
    let buf = "";
    conn.setEncoding("utf8");
    conn.on("error", () => conn.destroy());
    conn.on("data", (chunk: string) => {
      buf += chunk;
      if (buf.length > MAX_LINE) {
        conn.end(`${JSON.stringify({ ok: false, error: { code: "E_SOCKET_REQUEST", message: "request too long" } })}\n`);
        return;
      }
      const nl = buf.indexOf("\n");
      if (nl < 0) return;
      const line = buf.slice(0, nl);
      buf = "";
      conn.pause();
      const req = parseRequest(line);
      const answer = req
        ? handle(req).catch((e: unknown) => ({ ok: false, error: errorJson(e) }))
        : Promise.resolve({ ok: false, error: { code: "E_SOCKET_REQUEST", message: "not a request this daemon serves" } });
      void answer.then((res) => {
        if (!conn.destroyed) conn.end(`${JSON.stringify(res)}\n`);
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(path, () => resolve());
  });
  await chmod(path, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        void rm(path, { force: true });
      }),
  };
}

function errorJson(e: unknown): { code: string; message: string; kind?: string } {
  const err = e as { code?: unknown; message?: unknown; kind?: unknown };
  return {
    code: typeof err?.code === "string" ? err.code : "E_INTERNAL",
    message: typeof err?.message === "string" ? err.message : String(e),
    ...(typeof err?.kind === "string" ? { kind: err.kind } : {}),
  };
}

/**
 * Sends one request to the daemon of `stateDir`. Resolves undefined when no daemon listens there
 * (no socket, or a stale one), so callers fall back to doing the work themselves.
 */
export function askDaemon<T = unknown>(stateDir: string, req: SocketRequest, timeoutMs = 0): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const conn = createConnection(socketPath(stateDir));
    let buf = "";
    let connected = false;
    const timer = timeoutMs > 0 ? setTimeout(() => conn.destroy(new Error(`the daemon did not answer within ${timeoutMs} ms`)), timeoutMs) : undefined;
    conn.setEncoding("utf8");
    conn.on("connect", () => {
      connected = true;
      conn.write(`${JSON.stringify(req)}\n`);
    });
    conn.on("data", (c: string) => {
      buf += c;
    });
    conn.on("error", (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (!connected && (e.code === "ENOENT" || e.code === "ECONNREFUSED" || e.code === "ENOTSOCK")) resolve(undefined);
      else reject(e);
    });
    conn.on("close", () => {
      clearTimeout(timer);
      if (!connected) return;
      const line = buf.split("\n")[0] ?? "";
      try {
        resolve(JSON.parse(line) as T);
      } catch {
        reject(new Error("the daemon closed the connection without an answer"));
      }
    });
  });
}
