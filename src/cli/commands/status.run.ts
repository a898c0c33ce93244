// The body of `soulsync status`, loaded only when the command runs. A running daemon answers
// (it knows what is running and queued); without one, the status file the last pass wrote.
import { loadBootstrap } from "../../config/bootstrap.js";
import { readStatus } from "../../git/status/store.js";
import { askDaemon } from "../../daemon/socket.js";
import { type SourceView, statusJson } from "../../daemon/status-json.js";
import { EXIT_FAILED, EXIT_OK } from "../exit.js";
import type { Output } from "../output.js";
import type { StatusOptions } from "./status.js";

type StatusView = ReturnType<typeof statusJson>;

export async function runStatus(o: Output, opts: StatusOptions): Promise<number> {
  const bootstrap = await loadBootstrap(opts.config);
  const view =
    (await askDaemon<StatusView>(bootstrap.state_dir, { op: "status" }, 10_000).catch(() => undefined)) ??
    statusJson(await readStatus(bootstrap.state_dir), undefined, undefined);
  const code = view.ok ? EXIT_OK : EXIT_FAILED;
  if (opts.json) {
    o.json(view);
    return code;
  }
  const sources = Object.values(view.sources);
  if (!opts.quiet) {
    const d = view.daemon;
    o.out(d ? `daemon ${d.pid} on ${bootstrap.state_dir} since ${d.startedAt}${d.webhook ? `, webhook ${d.webhook}` : ""}${d.metrics ? `, metrics ${d.metrics}` : ""}` : `no daemon running on ${bootstrap.state_dir}`);
  }
  if (sources.length === 0) {
    if (!opts.quiet) o.out(`no source has been synced yet (state directory ${bootstrap.state_dir})`);
    return code;
  }
  for (const s of sources) {
    if (opts.quiet && s.condition !== "Stalled") continue;
    printSource(o, s);
  }
  return code;
}

function printSource(o: Output, s: SourceView): void {
  const c = s.condition === "Ready" ? o.colors.green : s.condition === "Stalled" ? o.colors.red : o.colors.yellow;
  const now = s.running ? " (running)" : s.queued ? " (queued)" : "";
  o.out(`${o.colors.bold(`${s.agent}/${s.source}`)}: ${c(s.condition)} ${s.reason}${now}: ${s.message}`);
  o.out(`  origin     ${s.url}`);
  if (s.live) o.out(`  live       ${s.live}`);
  if (s.published && s.published !== s.live) o.out(`  published  ${s.published}${s.live ? " (not live yet: a step after publish has not succeeded)" : ""}`);
  if (s.lastAttempted && s.lastAttempted !== s.published) o.out(`  attempted  ${s.lastAttempted}`);
  if (s.failed) o.out(`  refused    ${s.failed.revision} (${s.failed.code})`);
  if (s.hold) o.out(`  held       ${s.hold.revision} since ${s.hold.at}`);
  if (s.backoff) o.out(`  backoff    ${s.backoff.failures} failure(s), next try after ${s.backoff.until}${s.backoff.skipped ? " (the last pass skipped the origin)" : ""}`);
  if (s.lastRun) o.out(`  last run   ${s.lastRun.at} ${s.lastRun.result} in ${s.lastRun.ms} ms (${s.lastRun.trigger})`);
  for (const h of s.history.slice(0, 3)) o.out(`  ${h.at}  ${h.result}${h.revision ? ` ${h.revision}` : ""}${h.code ? ` ${h.code}` : ""}`);
}
