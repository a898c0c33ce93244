// `soulsync hook post-receive`: tell the daemon which repo's refs moved. Runs inside `git push`,
// so every failure to notify is a warning on stderr and exit 0: the refs are already updated.
import { join, resolve } from "node:path";
import { loadBootstrap } from "../../config/bootstrap.js";
import { redactUrls } from "../../core/redact.js";
import { type NotifyResult, notifyHttp, notifySocket } from "../../daemon/triggers/notify.js";
import { loadWebhookKey } from "../../daemon/triggers/webhook-key.js";
import { parseRefUpdates } from "../../secrets/ref-updates.js";
import { EXIT_OK } from "../exit.js";
import type { Output } from "../output.js";
import type { HookOptions } from "./hook.js";
import { readStdin } from "./hook.run.js";

/** The key file: --key-file, else the bootstrap's secrets_dir/<triggers.webhook.key_secret>. */
async function keyFile(opts: HookOptions): Promise<string> {
  if (opts.keyFile) return resolve(opts.keyFile);
  const b = await loadBootstrap(opts.config);
  return join(b.secrets_dir, b.triggers.webhook?.key_secret ?? "webhook.key");
}

async function notifyOverHttp(url: string, opts: HookOptions, repo: string, refs: { old: string; new: string; name: string }[]): Promise<NotifyResult> {
  let key: Buffer;
  try {
    key = await loadWebhookKey(await keyFile(opts));
  } catch (e) {
    return { ok: false, message: `${redactUrls(url)} failed: ${(e as Error).message}` };
  }
  return notifyHttp(url, key, { repo, refs });
}

export async function runPostReceive(o: Output, opts: HookOptions): Promise<number> {
  const updates = parseRefUpdates(await readStdin());
  const url = opts.notify ?? process.env.SOULSYNC_NOTIFY_URL;
  // git runs hooks in the repo with GIT_DIR set (`.` in a bare repo): the daemon matches this path.
  const repo = resolve(process.env.GIT_DIR ?? ".");
  if (!url && !opts.socket) {
    for (const u of updates) o.out(`soulsync: ${u.ref} ${u.old.slice(0, 12)}..${u.new.slice(0, 12)}`);
    return EXIT_OK;
  }
  const refs = updates.map((u) => ({ old: u.old, new: u.new, name: u.ref }));
  const result = opts.socket ? await notifySocket(opts.socket, repo) : await notifyOverHttp(url as string, opts, repo, refs);
  if (result.ok) o.out(`soulsync: ${result.agents.length > 0 ? `queued ${result.agents.join(", ")}` : "no agent watches this repo"}`);
  else o.err(`soulsync: warning: notify ${result.message}`);
  return EXIT_OK;
}
