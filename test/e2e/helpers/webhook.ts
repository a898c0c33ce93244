// Webhook requests by raw HTTP: signed as GitHub signs (X-Hub-Signature-256 = sha256=HMAC of the
// body, GitHub's "Validating webhook deliveries"), unsigned, replayed, oversized, or slow.
import { createHmac, randomUUID } from "node:crypto";
import { connect } from "node:net";

export interface Reply {
  status: number;
  body: string;
}

/** One request over a fresh TCP connection; `chunks` are written in turn with `gapMs` between them. */
export function rawRequest(address: string, head: string, chunks: Buffer[], gapMs = 0): Promise<Reply> {
  const [host, port] = address.split(":");
  return new Promise((resolve, reject) => {
    const sock = connect(Number(port), host!, async () => {
      sock.write(head);
      for (const c of chunks) {
        if (sock.destroyed) break;
        sock.write(c);
        if (gapMs) await new Promise((r) => setTimeout(r, gapMs));
      }
    });
    let data = "";
    sock.on("data", (d) => {
      data += d.toString();
    });
    sock.on("error", (e) => (data ? undefined : reject(e)));
    sock.on("close", () => {
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(data)?.[1] ?? 0);
      resolve({ status, body: data.slice(data.indexOf("\r\n\r\n") + 4) });
    });
  });
}

export interface PushOptions {
  key?: Buffer;
  delivery?: string;
  /** Declared Content-Length (default: the body's). */
  length?: number;
  path?: string;
}

/** A GitHub push delivery for `cloneUrl`, signed with `key` (unsigned without). */
export function githubPush(address: string, cloneUrl: string, o: PushOptions = {}, body?: Buffer): Promise<Reply> {
  const payload = body ?? Buffer.from(JSON.stringify({ ref: "refs/heads/main", repository: { clone_url: cloneUrl, full_name: "e2e/soul" } }));
  const headers = [
    `POST ${o.path ?? "/webhook"} HTTP/1.1`,
    `Host: ${address}`,
    "Content-Type: application/json",
    `Content-Length: ${o.length ?? payload.length}`,
    "X-GitHub-Event: push",
    `X-GitHub-Delivery: ${o.delivery ?? randomUUID()}`,
    ...(o.key ? [`X-Hub-Signature-256: sha256=${createHmac("sha256", o.key).update(payload).digest("hex")}`] : []),
    "Connection: close",
    "",
    "",
  ].join("\r\n");
  return rawRequest(address, headers, [payload]);
}
