// The body of `soulsync apply`, loaded only when the command runs.
import { createInterface } from "node:readline/promises";
import { loadBootstrap } from "../../config/bootstrap.js";
import { usageError } from "../../core/errors.js";
import { planHost, reconcileHost } from "../../reconcile/apply.js";
import { outcomeRecord, recordOutcome } from "../../reconcile/outcome.js";
import { EXIT_OK, EXIT_USAGE } from "../exit.js";
import type { Output } from "../output.js";
import type { ReconcileCliOptions } from "./plan.js";
import { openOrReport, printPlan } from "./plan.run.js";

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

export async function runApply(o: Output, opts: ReconcileCliOptions): Promise<number> {
  if (!opts.yes && !process.stdin.isTTY) throw usageError("E_CONFIRM", "apply changes the host: pass --yes when not on a terminal");
  const boot = await loadBootstrap(opts.config);
  const s = await openOrReport(o, opts);
  if (typeof s === "number") return s;
  try {
    const prune = Boolean(opts.prune);
    if (!opts.yes) {
      const plan = await planHost(s.driver, s.want, s.store, prune);
      printPlan(o, plan);
      if (plan.actions.length === 0) return EXIT_OK;
      if (!(await confirm("Apply these actions? [y/N] "))) {
        o.err("Nothing applied.");
        return EXIT_OK;
      }
    }
    const started = new Date();
    const outcome = await reconcileHost(s.driver, s.want, s.store, {
      prune,
      onAction: opts.json ? undefined : (a) => o.out(`${o.colors.bold(a.step.padEnd(8))} ${a.summary}`),
    });
    const record = outcomeRecord(outcome, s.driver.name, started, new Date());
    await recordOutcome(boot.state_dir, record);
    if (opts.json) o.json(record);
    else {
      for (const w of outcome.warnings) o.err(`${o.colors.yellow("warning")} ${w}`);
      if (outcome.ok) o.out(outcome.applied.length === 0 ? "No changes: the host matches the host repo." : `Applied ${outcome.applied.length} action${outcome.applied.length === 1 ? "" : "s"}.`);
      else o.err(`${o.colors.red("error")} ${outcome.error?.code}: step ${outcome.failedStep} failed, later steps not run: ${outcome.error?.message}`);
    }
    return outcome.ok ? EXIT_OK : EXIT_USAGE;
  } finally {
    await s.driver.close();
  }
}
