// The sending side of the webhook and socket triggers: `hook post-receive` telling the daemon
// that refs moved in a repo. Signed as webhook-sign.ts checks; a short timeout, never a retry.
import { createConnection } from "node:net";
import { redactUrls } from "../../core/redact.js";
import { soulsyncHeaders } from "./webhook-sign.js";

export const NOTIFY_TIMEOUT_MS = 2_000;

export interface NotifyBody {
  repo: string;
  refs: { old: string; new: string; name: string }[];
}

/** What the daemon answered: the agents it queued, or why it did not. */
export type NotifyResult = { ok: true; agents: string[] } | { ok: false; message: string };

function agentsOf(v: unknown): string[] | undefined {
  const agents = (v as { agents?: unknown } | null)?.agents;
  return Array.isArray(agents) && agents.every((a) => typeof a === "string") ? agents : undefined;
}

/** POSTs `body` to the daemon's webhook, signed with `key`. */
export async function notifyHttp(url: string, key: Buffer, body: NotifyBody, timeoutMs = NOTIFY_TIMEOUT_MS): Promise<NotifyResult> {
  const raw = Buffer.from(JSON.stringify(body));
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...soulsyncHeaders(key, raw) },
      body: raw,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
    });
    const answer = (await res.json().catch(() => undefined)) as { error?: unknown } | undefined;
    const agents = agentsOf(answer);
    if (res.status === 202 && agents) return { ok: true, agents };
    const why = typeof answer?.error === "string" ? `: ${answer.error.slice(0, 200)}` : "";
    return { ok: false, message: `${redactUrls(url)} answered ${res.status}${why}` };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    const why = err.name === "TimeoutError" ? `no answer in ${timeoutMs} ms` : (err.cause?.code ?? err.message);
    return { ok: false, message: `${redactUrls(url)} failed: ${redactUrls(why)}` };
  }
}

/** Sends `{"op":"notify","repo"}` over the daemon's Unix socket and reads its one-line answer. */
export function notifySocket(path: string, repo: string, timeoutMs = NOTIFY_TIMEOUT_MS): Promise<NotifyResult> {
  return new Promise((resolve) => {
    const socket = createConnection(path);
    let text = "";
    let settled = false;
    const done = (r: NotifyResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(r);
    };
    const timer = setTimeout(() => done({ ok: false, message: `${path}: no answer in ${timeoutMs} ms` }), timeoutMs);
    socket.setEncoding("utf8");
    socket.on("connect", () => socket.write(`${JSON.stringify({ op: "notify", repo })}\n`));
    socket.on("data", (d: string) => {
      text += d;
      const nl = text.indexOf("\n");
      if (nl < 0 && text.length < 65_536) return;
      let answer: unknown;
      try {
        answer = JSON.parse(text.slice(0, nl < 0 ? undefined : nl));
      } catch {
        return done({ ok: false, message: `${path}: the daemon's answer is not JSON` });
      }
      const agents = agentsOf(answer);
      const { ok, error } = (answer ?? {}) as { ok?: unknown; error?: unknown };
      if (ok === true && agents) return done({ ok: true, agents });
      const why = typeof error === "string" ? error : (error as { message?: unknown } | null)?.message;
      done({ ok: false, message: `${path}: ${typeof why === "string" ? why.slice(0, 200) : "the daemon refused"}` });
    });
    socket.on("error", (e: NodeJS.ErrnoException) => done({ ok: false, message: `${path} failed: ${e.code ?? e.message}` }));
    socket.on("close", () => done({ ok: false, message: `${path}: closed without an answer` }));
  });
}
