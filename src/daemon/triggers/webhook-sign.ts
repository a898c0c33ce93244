// HMAC-SHA256 webhook signatures: the forges' (GitHub, Gitea, Forgejo) and soulsync's own.
// Headers as the forges send them: GitHub's docs ("Validating webhook deliveries"), Gitea's
// services/webhook/deliver.go (X-Gitea-Signature = hex HMAC-SHA256 of the body, also sent as
// X-Hub-Signature-256 "sha256=…"; Forgejo, a Gitea fork, adds X-Forgejo-Signature/-Delivery).
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

export type Forge = "soulsync" | "forgejo" | "gitea" | "github";

/** Which header carries each sender's signature and delivery id, in the order we look. */
const SENDERS: { forge: Forge; signature: string; prefix: string; delivery: string[] }[] = [
  { forge: "soulsync", signature: "x-soulsync-signature", prefix: "sha256=", delivery: ["x-soulsync-delivery"] },
  { forge: "forgejo", signature: "x-forgejo-signature", prefix: "", delivery: ["x-forgejo-delivery", "x-gitea-delivery", "x-github-delivery"] },
  { forge: "gitea", signature: "x-gitea-signature", prefix: "", delivery: ["x-gitea-delivery", "x-github-delivery"] },
  { forge: "github", signature: "x-hub-signature-256", prefix: "sha256=", delivery: ["x-github-delivery"] },
];

/** The event name header of each forge (a push is `push`; a `ping` queues nothing). */
export const EVENT_HEADERS = ["x-forgejo-event", "x-gitea-event", "x-github-event"];

/** How far soulsync's own X-Soulsync-Timestamp may be from our clock. */
export const MAX_SKEW_SECONDS = 300;

const DELIVERY = /^[A-Za-z0-9._:-]{1,128}$/;

export type Verdict =
  | { ok: true; forge: Forge; delivery: string }
  | { ok: false; status: 400 | 401; reason: string };

export function hmacHex(key: Buffer, ...parts: (string | Buffer)[]): string {
  const h = createHmac("sha256", key);
  for (const p of parts) h.update(p);
  return h.digest("hex");
}

/**
 * What soulsync's own sender signs: timestamp and delivery id bound to the body, so neither can
 * be changed to slip a captured request past the replay and clock checks.
 */
function soulsyncMessage(timestamp: string, delivery: string, body: Buffer): (string | Buffer)[] {
  return [`${timestamp}.${delivery}.`, body];
}

/** The headers `hook post-receive --notify` sends with `body`. */
export function soulsyncHeaders(key: Buffer, body: Buffer, nowMs = Date.now(), delivery: string = randomUUID()): Record<string, string> {
  const timestamp = String(Math.floor(nowMs / 1000));
  return {
    "x-soulsync-signature": `sha256=${hmacHex(key, ...soulsyncMessage(timestamp, delivery, body))}`,
    "x-soulsync-delivery": delivery,
    "x-soulsync-timestamp": timestamp,
  };
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Constant-time comparison of a hex signature against the expected one. */
function sameHex(given: string, expected: string): boolean {
  if (!/^[0-9a-fA-F]{64}$/.test(given)) return false;
  return timingSafeEqual(Buffer.from(given.toLowerCase(), "hex"), Buffer.from(expected, "hex"));
}

/** Checks the request's signature against `key` (pure but for the clock passed in). */
export function verifySignature(headers: IncomingHttpHeaders, body: Buffer, key: Buffer, nowMs: number): Verdict {
  const sender = SENDERS.find((s) => header(headers, s.signature) !== undefined);
  if (!sender) return { ok: false, status: 401, reason: "unsigned" };
  const given = header(headers, sender.signature) as string;
  const delivery = sender.delivery.map((d) => header(headers, d)).find((d) => d !== undefined);
  if (!given.startsWith(sender.prefix)) return { ok: false, status: 401, reason: "bad signature" };
  let expected: string;
  if (sender.forge === "soulsync") {
    const timestamp = header(headers, "x-soulsync-timestamp") ?? "";
    if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, status: 401, reason: "no timestamp" };
    if (Math.abs(Number(timestamp) - nowMs / 1000) > MAX_SKEW_SECONDS) return { ok: false, status: 401, reason: "stale timestamp" };
    expected = hmacHex(key, ...soulsyncMessage(timestamp, delivery ?? "", body));
  } else {
    expected = hmacHex(key, body);
  }
  if (!sameHex(given.slice(sender.prefix.length), expected)) return { ok: false, status: 401, reason: "bad signature" };
  if (delivery === undefined || !DELIVERY.test(delivery)) return { ok: false, status: 400, reason: "no valid delivery id" };
  return { ok: true, forge: sender.forge, delivery };
}
