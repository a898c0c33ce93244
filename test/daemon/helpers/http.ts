// Real HTTP on loopback for the trigger tests: requests, forge-style signing, captured logs.
import { createHmac, randomUUID } from "node:crypto";
import { request } from "node:http";
import { connect } from "node:net";
import { PassThrough } from "node:stream";
import { createLogger, type Logger } from "../../../src/daemon/log.js";

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request; resolves with the answer (the body may be cut when the server closes). */
export function send(address: string, o: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  const [host, port] = splitAddress(address);
  return new Promise((resolve, reject) => {
    const req = request({ host, port, method: o.method ?? "POST", path: o.path ?? "/webhook", headers: o.headers, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => {
        body += d;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on("error", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(o.body);
  });
}

/**
 * A slow client: sends `head`, then `byte` every 50 ms, at most `max` times (bounded), until the
 * server closes the connection. Resolves with what the server answered and how many bytes went.
 */
export function dribble(address: string, head: string, byte: string, max: number): Promise<{ answer: string; bytes: number }> {
  const [host, port] = splitAddress(address);
  return new Promise((resolve) => {
    const socket = connect(port, host);
    let answer = "";
    let bytes = 0;
    socket.write(head);
    const tick = setInterval(() => {
      if (bytes >= max || socket.destroyed) return clearInterval(tick);
      bytes++;
      socket.write(byte);
    }, 50);
    const done = () => {
      clearInterval(tick);
      socket.destroy();
      resolve({ answer, bytes });
    };
    socket.on("data", (d) => {
      answer += String(d);
    });
    socket.on("error", done);
    socket.on("close", done);
  });
}

export function splitAddress(address: string): [string, number] {
  const i = address.lastIndexOf(":");
  return [address.slice(0, i).replace(/^\[|\]$/g, ""), Number(address.slice(i + 1))];
}

const hex = (key: Buffer | string, body: string | Buffer) => createHmac("sha256", key).update(body).digest("hex");

/** The headers each forge sends with a push (names from their source and docs). */
export function forgeHeaders(forge: "github" | "gitea" | "forgejo", key: Buffer | string, body: string, delivery = randomUUID()): Record<string, string> {
  const sig = hex(key, body);
  const sha1 = createHmac("sha1", key).update(body).digest("hex");
  const github = { "content-type": "application/json", "x-github-event": "push", "x-github-delivery": delivery, "x-hub-signature-256": `sha256=${sig}` };
  if (forge === "github") return github;
  // Gitea's services/webhook/deliver.go sends its own, Gogs' and GitHub's header families.
  const gitea = {
    ...github,
    "x-hub-signature": `sha1=${sha1}`,
    "x-gitea-delivery": delivery,
    "x-gitea-event": "push",
    "x-gitea-signature": sig,
    "x-gogs-delivery": delivery,
    "x-gogs-event": "push",
    "x-gogs-signature": sig,
  };
  if (forge === "gitea") return gitea;
  return { ...gitea, "x-forgejo-delivery": delivery, "x-forgejo-event": "push", "x-forgejo-signature": sig };
}

/** A push payload in the shape GitHub's push event and Gitea's PushPayload share. */
export function pushPayload(owner: string, name: string, host = "git.example.org"): string {
  return JSON.stringify({
    ref: "refs/heads/main",
    before: "28e1879d029cb852e4844d9c718537df08844e03",
    after: "bffeb74224043ba2feb48d137756c8a9331c449a",
    commits: [{ id: "bffeb74224043ba2feb48d137756c8a9331c449a", message: "Update memories" }],
    repository: {
      id: 140,
      name,
      full_name: `${owner}/${name}`,
      html_url: `https://${host}/${owner}/${name}`,
      ssh_url: `git@${host}:${owner}/${name}.git`,
      clone_url: `https://${host}/${owner}/${name}.git`,
      default_branch: "main",
    },
    pusher: { login: owner },
  });
}

/** A logger whose JSON lines the test can read back. */
export function capturedLogger(): { log: Logger; lines: () => Record<string, unknown>[]; text: () => string } {
  const stream = new PassThrough();
  let text = "";
  stream.on("data", (d) => {
    text += String(d);
  });
  const log = createLogger({ stream, json: true, level: "debug" });
  return {
    log,
    text: () => text,
    lines: () =>
      text
        .trim()
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}
