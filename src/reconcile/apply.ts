// The reconcile loop: for each step network → pf → jails → database → service,
// observe → plan (pure) → apply, recording the inventory, and stop at the first failure.
import { isSoulsyncError, SoulsyncError } from "../core/errors.js";
import { type Action, argvOf, STEPS, type Step } from "./actions.js";
import type { Driver } from "./drivers/types.js";
import type { InventoryStore } from "./inventory.js";
import { inventoryOf } from "./inventory-of.js";
import { observeStep } from "./observe/index.js";
import type { Have } from "./observe/types.js";
import { type PlanContext, planStep, type Refusal } from "./plan/index.js";
import { type Plan, PLAN_VERSION } from "./plan-format.js";
import type { Want } from "./want.js";

export interface ReconcileOptions {
  prune: boolean;
  /** Called before each action runs (progress output). */
  onAction?: (a: Action) => void;
  /** Run only these steps (still in the fixed order); default all. */
  only?: readonly Step[];
}

/** The steps to run, in STEPS order. */
function stepsOf(only: readonly Step[] | undefined): readonly Step[] {
  return only ? STEPS.filter((s) => only.includes(s)) : STEPS;
}

export interface ReconcileOutcome {
  ok: boolean;
  /** The step that failed, when one did. */
  failedStep?: Step;
  error?: { code: string; message: string };
  applied: Action[];
  warnings: string[];
  /** Steps that ran to the end. */
  steps: Step[];
}

/** The whole plan against the host as it is now (nothing is changed). */
export async function planHost(driver: Driver, want: Want, store: InventoryStore, prune: boolean): Promise<Plan> {
  const ctx: PlanContext = { inventory: await store.list(), prune };
  const plan: Plan = { version: PLAN_VERSION, actions: [], warnings: [], refused: [] };
  for (const step of STEPS) {
    const have = await observeStep(step, driver, want);
    const p = planStep(step, want, have as Have[typeof step], ctx);
    plan.actions.push(...p.actions);
    plan.warnings.push(...p.warnings);
    plan.refused.push(...p.refused);
  }
  return plan;
}

/** Runs one action through the driver. */
export async function applyAction(driver: Driver, a: Action): Promise<void> {
  if (a.kind === "file.write") return driver.writeFile(a.path, a.content, a.mode);
  if (a.kind === "db.role.create" || a.kind === "db.database.create") return driver.db.apply(a);
  const argv = argvOf(a);
  if (argv) await driver.exec(argv);
}

/** Observes, plans and applies each step in order; the first failure stops the run. */
export async function reconcileHost(driver: Driver, want: Want, store: InventoryStore, opts: ReconcileOptions): Promise<ReconcileOutcome> {
  const out: ReconcileOutcome = { ok: true, applied: [], warnings: [], steps: [] };
  for (const step of stepsOf(opts.only)) {
    const ctx: PlanContext = { inventory: await store.list(), prune: opts.prune };
    // Files this step overwrote, with their previous content, so a failed pf load can put them back.
    const backups = new Map<string, string | undefined>();
    try {
      const have = await observeStep(step, driver, want);
      const p = planStep(step, want, have as Have[typeof step], ctx);
      out.warnings.push(...p.warnings);
      if (p.refused.length > 0) throw refusedError(p.refused);
      for (const a of p.actions) {
        opts.onAction?.(a);
        if (a.kind === "file.write" && !backups.has(a.path)) backups.set(a.path, await driver.readFile(a.path));
        await applyAction(driver, a);
        out.applied.push(a);
        const inv = inventoryOf(a);
        if (inv.record) await store.record([inv.record]);
        if (inv.forget) await store.forget([inv.forget]);
      }
      out.steps.push(step);
    } catch (e) {
      if (step === "pf") await restore(driver, backups);
      out.ok = false;
      out.failedStep = step;
      out.error = isSoulsyncError(e) ? { code: e.code, message: e.message } : { code: "E_INTERNAL", message: (e as Error).message };
      return out;
    }
  }
  return out;
}

/** A step that will not run until the operator meets its preconditions; the message says what to run. */
function refusedError(refused: Refusal[]): SoulsyncError {
  return new SoulsyncError(refused[0]!.code, refused.map((r) => r.message).join("; "), { kind: "input", data: { refused } });
}

/** Puts back the pf files of a failed step: pf keeps running the ruleset it had, and the file matches it. */
async function restore(driver: Driver, backups: Map<string, string | undefined>): Promise<void> {
  for (const [path, previous] of backups) {
    if (previous === undefined) await driver.removeFile(path);
    else await driver.writeFile(path, previous, 0o644);
  }
}
