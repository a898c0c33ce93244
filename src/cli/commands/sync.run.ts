// The body of `soulsync sync`, loaded only when the command runs.
import { loadBootstrap } from "../../config/bootstrap.js";
import type { SyncOutcome } from "../../daemon/pipeline/outcome.js";
import type { HostStepsResult } from "../../daemon/host-steps.js";
import { runPass } from "../../daemon/pass.js";
import { actionJson } from "../../reconcile/plan-format.js";
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from "../exit.js";
import { isSoulsyncError } from "../../core/errors.js";
import { type Problem, toReport } from "../../core/problem.js";
import { formatProblem, type Output, printReport, reportJson } from "../output.js";
import type { SyncOptions } from "./sync.js";

/** 0 all Ready; 2 when an origin or the host failed; 1 when only revisions were refused. */
export function syncExitCode(outcomes: readonly SyncOutcome[], hostFailed = false): number {
  if (hostFailed) return EXIT_USAGE;
  const stalled = outcomes.filter((o) => o.condition === "Stalled");
  if (stalled.length === 0) return EXIT_OK;
  return stalled.some((o) => o.kind !== "input") ? EXIT_USAGE : EXIT_FAILED;
}

function stepsJson(r: HostStepsResult | undefined) {
  if (!r || r.ran.length === 0) return null;
  const o = r.outcome;
  return {
    ran: r.ran,
    ok: o?.ok ?? true,
    failedStep: o?.failedStep ?? null,
    error: o?.error ?? null,
    applied: (o?.applied ?? []).map(actionJson),
    warnings: o?.warnings ?? [],
  };
}

function printSteps(o: Output, what: string, r: HostStepsResult | undefined): void {
  if (!r || r.ran.length === 0) return;
  const out = r.outcome;
  for (const w of out?.warnings ?? []) o.err(`${o.colors.yellow("warning")} ${w}`);
  if (out && !out.ok) {
    o.out(`${what}: ${o.colors.red("Stalled")} ${out.error?.code}: step ${out.failedStep} failed, later steps not run: ${out.error?.message}`);
  } else {
    const n = out?.applied.length ?? 0;
    o.out(`${what}: ${o.colors.green("Ready")} ${r.ran.join(", ")} in sync (${n} action${n === 1 ? "" : "s"} applied)`);
  }
}

export async function runSync(o: Output, opts: SyncOptions): Promise<number> {
  const bootstrap = await loadBootstrap(opts.config);
  const onAction = opts.json ? undefined : (a: { step: string; summary: string }) => o.err(`${o.colors.dim(a.step.padEnd(8))} ${a.summary}`);
  let report: Awaited<ReturnType<typeof runPass>>;
  try {
    report = await runPass({ bootstrap, agent: opts.agent, force: opts.force, onAction });
  } catch (e) {
    // A host repo with errors: show every problem (file, line, key), then fail as bad input.
    if (!isSoulsyncError(e) || e.code !== "E_HOST_CONFIG") throw e;
    const report = toReport((e.data.problems as Problem[] | undefined) ?? []);
    if (opts.json) o.json({ ok: false, error: { code: e.code, message: e.message }, ...(reportJson(report) as object) });
    else printReport(o, report, e.message);
    return EXIT_FAILED;
  }
  const hostFailed = report.host?.outcome?.ok === false || report.service?.outcome?.ok === false;
  const code = syncExitCode(report.sources.outcomes, hostFailed);
  if (opts.json) {
    o.json({
      ok: report.ok,
      sources: report.sources.outcomes,
      host: stepsJson(report.host),
      service: stepsJson(report.service),
      collected: report.sources.collected,
      cleaned: report.sources.cleaned,
    });
    return code;
  }
  printSteps(o, "host", report.host);
  for (const s of report.sources.outcomes) {
    const c = s.condition === "Ready" ? o.colors.green : o.colors.red;
    const changed = s.changed ? " (published)" : "";
    o.out(`${s.agent}/${s.source}: ${c(s.condition)} ${s.reason}${changed}: ${s.message}`);
    if (s.recloned) o.out(`${s.agent}/${s.source}: ${o.colors.yellow("W_MIRROR_RECLONED")} the mirror was broken and has been re-cloned`);
    for (const p of s.problems ?? []) o.out(formatProblem(p, o.colors));
  }
  printSteps(o, "services", report.service);
  if (report.sources.cleaned.length) o.err(`removed ${report.sources.cleaned.length} half-written snapshot(s) from an interrupted run`);
  if (report.sources.collected.length) o.err(`collected ${report.sources.collected.length} old snapshot(s)`);
  return code;
}
