// The body of `soulsync sync`, loaded only when the command runs.
import { loadBootstrap } from "../../config/bootstrap.js";
import { syncSources } from "../../git/sync.js";
import type { SyncOutcome } from "../../git/sync-source.js";
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from "../exit.js";
import { formatProblem, type Output } from "../output.js";
import type { SyncOptions } from "./sync.js";

/** 0 all Ready; 2 when an origin or the host failed; 1 when only revisions were refused. */
export function syncExitCode(outcomes: readonly SyncOutcome[]): number {
  const stalled = outcomes.filter((o) => o.condition === "Stalled");
  if (stalled.length === 0) return EXIT_OK;
  return stalled.some((o) => o.kind !== "input") ? EXIT_USAGE : EXIT_FAILED;
}

export async function runSync(o: Output, opts: SyncOptions): Promise<number> {
  const bootstrap = await loadBootstrap(opts.config);
  const report = await syncSources({ bootstrap, agent: opts.agent, force: opts.force });
  if (opts.json) {
    o.json({ ok: report.ok, sources: report.outcomes, collected: report.collected, cleaned: report.cleaned });
    return syncExitCode(report.outcomes);
  }
  for (const s of report.outcomes) {
    const c = s.condition === "Ready" ? o.colors.green : o.colors.red;
    const changed = s.changed ? " (published)" : "";
    o.out(`${s.agent}/${s.source}: ${c(s.condition)} ${s.reason}${changed}: ${s.message}`);
    if (s.recloned) o.out(`${s.agent}/${s.source}: ${o.colors.yellow("W_MIRROR_RECLONED")} the mirror was broken and has been re-cloned`);
    for (const p of s.problems ?? []) o.out(formatProblem(p, o.colors));
  }
  if (report.cleaned.length) o.err(`removed ${report.cleaned.length} half-written snapshot(s) from an interrupted run`);
  if (report.collected.length) o.err(`collected ${report.collected.length} old snapshot(s)`);
  return syncExitCode(report.outcomes);
}
