// The body of `soulsync plan`, loaded only when the command runs.
import { loadBootstrap } from "../../config/bootstrap.js";
import { isSoulsyncError } from "../../core/errors.js";
import { readServedSouls } from "../../daemon/served.js";
import { type Problem, toReport } from "../../core/problem.js";
import { formatArgv } from "../../exec/run.js";
import { planHost } from "../../reconcile/apply.js";
import { actionJson, type Plan, planJson } from "../../reconcile/plan-format.js";
import { hostDirOf, openSession, type ReconcileSession } from "../../reconcile/session.js";
import { EXIT_FAILED, EXIT_OK } from "../exit.js";
import { type Output, printReport, reportJson } from "../output.js";
import type { ReconcileCliOptions } from "./plan.js";

/** Opens the session; a host repo with errors prints them and yields the exit status instead. */
export async function openOrReport(o: Output, opts: ReconcileCliOptions): Promise<ReconcileSession | number> {
  const boot = await loadBootstrap(opts.config);
  const dir = hostDirOf(boot, opts.host);
  try {
    // The services run the souls sync applied: plan and apply must want the same .env.
    return await openSession(boot, dir, await readServedSouls(boot));
  } catch (e) {
    if (isSoulsyncError(e) && e.code === "E_HOST_CONFIG") {
      const report = toReport(e.data.problems as Problem[]);
      if (opts.json) o.json({ ...(reportJson(report) as object), error: { code: e.code, message: e.message } });
      else {
        printReport(o, report, dir);
        o.err(`error ${e.code}: ${e.message}`);
      }
      return EXIT_FAILED;
    }
    throw e;
  }
}

/** Human lines for a plan: `step  summary` then the command. */
export function printPlan(o: Output, plan: Plan): void {
  for (const w of plan.warnings) o.err(`${o.colors.yellow("warning")} ${w}`);
  for (const r of plan.refused) o.err(`${o.colors.red("refused")} ${r.step}: ${r.code}: ${r.message}`);
  if (plan.actions.length === 0) {
    o.out("No changes: the host matches the host repo.");
    return;
  }
  for (const a of plan.actions) {
    const j = actionJson(a);
    o.out(`${o.colors.bold(a.step.padEnd(8))} ${a.summary}`);
    if (j.argv) o.out(`         $ ${formatArgv(j.argv)}`);
    else if (j.path) o.out(`         write ${j.path} (${j.hash})`);
    else if (j.sql) o.out(`         sql: ${j.sql}`);
  }
  o.out(`${plan.actions.length} action${plan.actions.length === 1 ? "" : "s"}.`);
}

export async function runPlan(o: Output, opts: ReconcileCliOptions): Promise<number> {
  const s = await openOrReport(o, opts);
  if (typeof s === "number") return s;
  try {
    const plan = await planHost(s.driver, s.want, s.store, Boolean(opts.prune));
    if (opts.json) o.json(planJson(plan));
    else printPlan(o, plan);
    return EXIT_OK;
  } finally {
    await s.driver.close();
  }
}
