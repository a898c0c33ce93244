// The body of `soulsync status`, loaded only when the command runs.
import { loadBootstrap } from "../../config/bootstrap.js";
// The store alone, not git/sync.js: status must not load git, execa and the pipeline to read one file.
import { fileStatusStore } from "../../git/status/store.js";
import { EXIT_OK } from "../exit.js";
import type { Output } from "../output.js";
import type { StatusOptions } from "./status.js";

export async function runStatus(o: Output, opts: StatusOptions): Promise<number> {
  const bootstrap = await loadBootstrap(opts.config);
  const doc = await fileStatusStore(bootstrap.state_dir).read();
  const sources = Object.values(doc.sources);
  if (opts.json) {
    o.json({ ok: sources.every((s) => s.condition === "Ready"), ...doc });
    return EXIT_OK;
  }
  if (sources.length === 0) {
    o.out(`no source has been synced yet (state directory ${bootstrap.state_dir})`);
    return EXIT_OK;
  }
  for (const s of sources) {
    const c = s.condition === "Ready" ? o.colors.green : s.condition === "Stalled" ? o.colors.red : o.colors.yellow;
    o.out(`${o.colors.bold(`${s.agent}/${s.source}`)}: ${c(s.condition)} ${s.reason}: ${s.message}`);
    o.out(`  origin     ${s.url}`);
    if (s.lastApplied) o.out(`  applied    ${s.lastApplied}`);
    if (s.lastAttempted && s.lastAttempted !== s.lastApplied) o.out(`  attempted  ${s.lastAttempted}`);
    if (s.failed) o.out(`  refused    ${s.failed.revision} (${s.failed.code})`);
    if (s.hold) o.out(`  held       ${s.hold.revision} since ${s.hold.at}`);
    if (s.backoff) o.out(`  backoff    ${s.backoff.failures} failure(s), next try after ${s.backoff.until}`);
    for (const h of s.history.slice(0, 3)) o.out(`  ${h.at}  ${h.result}${h.revision ? ` ${h.revision}` : ""}${h.code ? ` ${h.code}` : ""}`);
  }
  return EXIT_OK;
}
