// The body of `soulsync sync`, loaded only when the command runs. While a daemon holds the state
// directory, the pass is the daemon's (asked over its socket, like `flux reconcile`); else it runs here.
import { loadBootstrap } from "../../config/bootstrap.js";
import { isSoulsyncError, SoulsyncError } from "../../core/errors.js";
import { type Problem, toReport } from "../../core/problem.js";
import type { HostStepsResult } from "../../daemon/host-steps.js";
import type { SyncOutcome } from "../../daemon/pipeline/outcome.js";
import { askDaemon } from "../../daemon/socket.js";
import { actionJson } from "../../reconcile/plan-format.js";
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from "../exit.js";
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

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

/** "imported 12 memories and 4 skills (37 rows written); rendered 14 files; service: 4 actions" (pure). */
export function describeDid(did: SyncOutcome["did"]): string {
  if (!did) return "";
  const parts: string[] = [];
  const i = did.import;
  if (i) parts.push(`imported ${plural(i.memories ?? 0, "memory").replace("memorys", "memories")} and ${plural(i.skills ?? 0, "skill")} (${plural(i.rowsWritten ?? 0, "row")} written)`);
  const r = did.render;
  if (r) parts.push(`rendered ${plural(r.files ?? 0, "file")}${r.removed ? `, removed ${r.removed}` : ""}`);
  const s = did.service;
  if (s) parts.push(`service: ${plural(s.actions ?? 0, "action")}`);
  return parts.join("; ");
}

interface PassResult {
  outcomes: SyncOutcome[];
  host: HostStepsResult | undefined;
  service: HostStepsResult | undefined;
  collected: string[];
  cleaned: string[];
  daemon: boolean;
}

async function passHere(o: Output, opts: SyncOptions, bootstrap: Awaited<ReturnType<typeof loadBootstrap>>): Promise<PassResult> {
  const { runPass } = await import("../../daemon/pass.js");
  // Progress on a terminal: each host action, and each step of each agent as it ends.
  const tty = !opts.json && Boolean((process.stderr as { isTTY?: boolean }).isTTY);
  const onAction = opts.json ? undefined : (a: { step: string; summary: string }) => o.err(`${o.colors.dim(a.step.padEnd(8))} ${a.summary}`);
  const onStep = tty ? (agent: string, t: { step: string; result: string; ms: number }) => t.result !== "skipped" && o.err(o.colors.dim(`${agent.padEnd(8)} ${t.step} ${t.result} (${Math.round(t.ms)} ms)`)) : undefined;
  const report = await runPass({ bootstrap, agent: opts.agent, force: opts.force, onAction, onStep });
  return { outcomes: report.sources.outcomes, host: report.host, service: report.service, collected: report.sources.collected, cleaned: report.sources.cleaned, daemon: false };
}

async function passByDaemon(opts: SyncOptions, stateDir: string): Promise<PassResult | undefined> {
  const r = await askDaemon<{ ok: boolean; outcomes?: SyncOutcome[]; service?: HostStepsResult; error?: { code: string; message: string; kind?: string } }>(stateDir, {
    op: "sync",
    agent: opts.agent,
    force: opts.force,
  });
  if (!r) return undefined;
  if (!r.ok) {
    const e = r.error ?? { code: "E_DAEMON", message: "the daemon refused the request" };
    const kind = (e.kind ?? (e.code === "E_AGENT_UNKNOWN" ? "usage" : "environment")) as "usage";
    throw new SoulsyncError(e.code, `the daemon answered: ${e.message}`, { kind });
  }
  return { outcomes: r.outcomes ?? [], host: undefined, service: r.service, collected: [], cleaned: [], daemon: true };
}

export async function runSync(o: Output, opts: SyncOptions): Promise<number> {
  const bootstrap = await loadBootstrap(opts.config);
  let pass: PassResult;
  try {
    pass = (await passByDaemon(opts, bootstrap.state_dir)) ?? (await passHere(o, opts, bootstrap));
  } catch (e) {
    // A host repo with errors: show every problem (file, line, key), then fail as bad input.
    if (!isSoulsyncError(e) || e.code !== "E_HOST_CONFIG") throw e;
    const report = toReport((e.data.problems as Problem[] | undefined) ?? []);
    if (opts.json) o.json({ ok: false, error: { code: e.code, message: e.message }, ...(reportJson(report) as object) });
    else printReport(o, report, e.message);
    return EXIT_FAILED;
  }
  const hostFailed = pass.host?.outcome?.ok === false || pass.service?.outcome?.ok === false;
  const code = syncExitCode(pass.outcomes, hostFailed);
  if (opts.json) {
    o.json({
      ok: code === EXIT_OK,
      daemon: pass.daemon,
      sources: pass.outcomes,
      host: stepsJson(pass.host),
      service: stepsJson(pass.service),
      collected: pass.collected,
      cleaned: pass.cleaned,
    });
    return code;
  }
  if (pass.daemon) o.err(o.colors.dim(`(run by the daemon holding ${bootstrap.state_dir})`));
  printSteps(o, "host", pass.host);
  for (const s of pass.outcomes) {
    const c = s.condition === "Ready" ? o.colors.green : o.colors.red;
    const changed = s.changed ? " (published)" : "";
    o.out(`${s.agent}/${s.source}: ${c(s.condition)} ${s.reason}${changed}: ${s.message}`);
    const did = describeDid(s.did);
    if (did) o.out(`${s.agent}/${s.source}: ${did}`);
    if (s.recloned) o.out(`${s.agent}/${s.source}: ${o.colors.yellow("W_MIRROR_RECLONED")} the mirror was broken and has been re-cloned`);
    for (const p of s.problems ?? []) o.out(formatProblem(p, o.colors));
  }
  printSteps(o, "services", pass.service);
  if (pass.cleaned.length) o.err(`removed ${pass.cleaned.length} half-written snapshot(s) from an interrupted run`);
  if (pass.collected.length) o.err(`collected ${pass.collected.length} old snapshot(s)`);
  return code;
}
