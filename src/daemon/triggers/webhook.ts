// The HTTP receiver (DAEMON-SPEC "The HTTP receiver"): POST /webhook or /hook, HMAC-signed by a
// forge or by `hook post-receive --notify`; queues the agents that watch the repo it names.
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import { inputError } from "../../core/errors.js";
import { closeServer, listenOn, parseListen } from "../listen.js";
import type { Logger } from "../log.js";
import { createRateLimiter } from "./rate-limit.js";
import { type BodyRefused, readBody } from "./read-body.js";
import { RecentSet } from "./recent-set.js";
import type { OnTrigger } from "./types.js";
import { reposOfPayload } from "./webhook-payload.js";
import { EVENT_HEADERS, verifySignature } from "./webhook-sign.js";

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;
export const DEFAULT_RATE_PER_MINUTE = 120;
export const DEFAULT_BODY_TIMEOUT_MS = 5_000;
/** How many delivery ids are remembered for replay refusal. */
export const REMEMBERED_DELIVERIES = 10_000;
const PATHS = new Set(["/webhook", "/hook"]);

export interface WebhookOptions {
  listen: string;
  key: Buffer;
  maxBodyBytes?: number;
  ratePerMinute?: number;
  /** The whole body must have arrived this long after the request began (default 5 s). */
  bodyTimeoutMs?: number;
  onTrigger: OnTrigger;
  log: Logger;
  /** The clock, for the timestamp check of soulsync's own requests. */
  now?: () => number;
}

function answer(res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
  const text = `${JSON.stringify(body)}\n`;
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers }).end(text);
}

export async function startWebhook(o: WebhookOptions): Promise<{ address: string; close(): Promise<void> }> {
  if (o.key.length === 0) throw inputError("E_WEBHOOK_KEY", "the webhook key is empty");
  const at = parseListen(o.listen, "triggers.webhook.listen");
  const maxBody = o.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const bodyTimeout = o.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS;
  const now = o.now ?? Date.now;
  const limiter = createRateLimiter(o.ratePerMinute ?? DEFAULT_RATE_PER_MINUTE, now);
  const deliveries = new RecentSet(REMEMBERED_DELIVERIES);
  /** Addresses refused for rate this minute: their further 429s are not logged. */
  const floods = new RecentSet(REMEMBERED_DELIVERIES);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const noticed = now();
    const remote = req.socket.remoteAddress ?? "?";
    const refuse = (status: number, error: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
      o.log.warn({ event: "webhook", status, remote, reason: error, ...extra }, `webhook refused: ${error}`);
      answer(res, status, { error }, headers);
    };
    // The rate limit comes first, so a flood of any kind costs one token and one line a minute.
    const wait = limiter.take(remote);
    if (wait > 0) {
      const headers = { "retry-after": String(wait) };
      if (!floods.add(remote)) return answer(res, 429, { error: "rate limited" }, headers);
      setTimeout(() => floods.delete(remote), 60_000).unref();
      return refuse(429, "rate limited", {}, headers);
    }
    const path = (req.url ?? "").split("?")[0] ?? "";
    if (!PATHS.has(path)) return refuse(404, "not found", { path: path.slice(0, 100) });
    if (req.method !== "POST") return refuse(405, "method not allowed", {}, { allow: "POST" });
    let body: Buffer;
    try {
      body = await readBody(req, maxBody, bodyTimeout);
    } catch (e) {
      const r = e as BodyRefused;
      if (r.status === 400) return void req.socket.destroy();
      if (r.status === 408) res.once("finish", () => req.socket.destroy());
      return refuse(r.status, r.message, { received: r.received }, r.status === 408 ? { connection: "close" } : {});
    }
    const verdict = verifySignature(req.headers, body, o.key, now());
    if (!verdict.ok) return refuse(verdict.status, verdict.reason);
    if (!deliveries.add(verdict.delivery)) return refuse(409, "replayed delivery", { delivery: verdict.delivery });
    const event = EVENT_HEADERS.map((h) => req.headers[h]).find((v) => typeof v === "string");
    if (event !== undefined && event !== "push") {
      o.log.info({ event: "webhook", status: 202, forge: verdict.forge, delivery: verdict.delivery, hook: event }, "webhook: not a push, nothing queued");
      return answer(res, 202, { agents: [] });
    }
    const payload = reposOfPayload(verdict.forge, body, req.headers["content-type"]);
    if (!payload.ok) return refuse(400, payload.reason, { delivery: verdict.delivery });
    let agents: string[];
    try {
      agents = await o.onTrigger({ kind: "webhook", repos: payload.repos, at: noticed, delivery: verdict.delivery });
    } catch (e) {
      deliveries.delete(verdict.delivery); // the forge's retry of a delivery we failed is welcome
      throw e;
    }
    o.log.info({ event: "webhook", status: 202, forge: verdict.forge, delivery: verdict.delivery, repos: payload.repos, agents }, "webhook accepted");
    answer(res, 202, { agents });
  }

  const server = createServer(
    // Node's own guards against slow clients, checked every second instead of every 30.
    { headersTimeout: bodyTimeout, requestTimeout: bodyTimeout * 2, keepAliveTimeout: bodyTimeout, connectionsCheckingInterval: 1000 },
    (req, res) => {
      handle(req, res).catch((e: unknown) => {
        o.log.error({ event: "webhook", status: 500, err: e }, "webhook failed");
        if (!res.headersSent) answer(res, 500, { error: "internal error" });
      });
    },
  );
  server.maxHeadersCount = 100;
  // Idle or slow connections cannot pile up past this (each is also cut by the timeouts above).
  server.maxConnections = 512;
  const address = await listenOn(server, at, "triggers.webhook.listen");
  o.log.info({ event: "listen", what: "webhook", address }, `webhook listening on ${address}`);
  return { address, close: () => closeServer(server) };
}
