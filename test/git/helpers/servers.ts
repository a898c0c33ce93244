// Real git servers on loopback for the transport scenarios: `git daemon` and `git http-backend`
// behind a small node HTTP server (CGI), each on a random free port of 127.0.0.1.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer as createHttp, type Server } from "node:http";
import { connect, createServer as createTcp } from "node:net";

export interface GitServer {
  /** Base URL; append "/<name>.git". */
  url: string;
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createTcp();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const c = connect(port, "127.0.0.1", () => {
        c.end();
        resolve(true);
      });
      c.once("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing listens on 127.0.0.1:${port}`);
}

/** `git daemon` exporting every repo under `root`. */
export async function gitDaemon(root: string): Promise<GitServer> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const server: GitServer = {
    url: `git://127.0.0.1:${port}`,
    port,
    async start() {
      child = spawn("git", ["daemon", "--reuseaddr", "--listen=127.0.0.1", `--port=${port}`, "--export-all", `--base-path=${root}`, root], {
        stdio: "ignore",
      });
      await waitForPort(port);
    },
    async stop() {
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((r) => child!.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
  await server.start();
  return server;
}

/** `git http-backend` (smart HTTP) behind node's HTTP server; `auth` = "user:password" requires Basic auth. */
export async function httpBackend(root: string, auth?: string): Promise<GitServer> {
  const port = await freePort();
  let http: Server | undefined;
  const expected = auth ? `Basic ${Buffer.from(auth).toString("base64")}` : undefined;
  const handler = (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => {
    if (expected && req.headers.authorization !== expected) {
      res.writeHead(401, { "WWW-Authenticate": 'Basic realm="git"' });
      res.end();
      return;
    }
    const u = new URL(req.url ?? "/", "http://127.0.0.1");
    const cgi = spawn("git", ["http-backend"], {
      env: {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: "1",
        PATH_INFO: decodeURIComponent(u.pathname),
        QUERY_STRING: u.search.slice(1),
        REQUEST_METHOD: req.method ?? "GET",
        CONTENT_TYPE: req.headers["content-type"] ?? "",
        HTTP_CONTENT_ENCODING: String(req.headers["content-encoding"] ?? ""),
        GIT_PROTOCOL: String(req.headers["git-protocol"] ?? ""),
        REMOTE_ADDR: "127.0.0.1",
        REMOTE_USER: auth ? auth.split(":")[0] : "",
      },
    });
    req.pipe(cgi.stdin!);
    let head = Buffer.alloc(0);
    let sent = false;
    cgi.stdout!.on("data", (chunk: Buffer) => {
      if (sent) {
        res.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf("\r\n\r\n");
      if (end < 0) return;
      const headers: Record<string, string> = {};
      let status = 200;
      for (const line of head.subarray(0, end).toString("latin1").split("\r\n")) {
        const i = line.indexOf(":");
        const k = line.slice(0, i).trim();
        const v = line.slice(i + 1).trim();
        if (k.toLowerCase() === "status") status = Number.parseInt(v, 10);
        else headers[k] = v;
      }
      res.writeHead(status, headers);
      res.write(head.subarray(end + 4));
      sent = true;
    });
    cgi.on("close", () => {
      if (!sent) res.writeHead(500);
      res.end();
    });
  };
  const server: GitServer = {
    url: `http://127.0.0.1:${port}`,
    port,
    async start() {
      http = createHttp(handler);
      await new Promise<void>((resolve) => http!.listen(port, "127.0.0.1", resolve));
    },
    async stop() {
      if (!http) return;
      http.closeAllConnections();
      await new Promise((r) => http!.close(r));
      http = undefined;
    },
  };
  await server.start();
  return server;
}
