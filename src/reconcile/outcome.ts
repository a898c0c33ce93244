// Records the outcome of an apply in the state directory (atomically), as status data.
import { join } from "node:path";
import type { ReconcileOutcome } from "./apply.js";
import { actionJson } from "./plan-format.js";
import { writeFileAtomic } from "./drivers/files.js";

export interface OutcomeRecord {
  version: 1;
  startedAt: string;
  finishedAt: string;
  driver: string;
  ok: boolean;
  failedStep: string | null;
  error: { code: string; message: string } | null;
  steps: string[];
  applied: ReturnType<typeof actionJson>[];
  warnings: string[];
}

/** The JSON `apply --json` prints and `<state>/reconcile/last-apply.json` keeps. */
export function outcomeRecord(o: ReconcileOutcome, driver: string, startedAt: Date, finishedAt: Date): OutcomeRecord {
  return {
    version: 1,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    driver,
    ok: o.ok,
    failedStep: o.failedStep ?? null,
    error: o.error ?? null,
    steps: o.steps,
    applied: o.applied.map(actionJson),
    warnings: o.warnings,
  };
}

/** Writes the record to `<stateDir>/reconcile/last-apply.json`. */
export async function recordOutcome(stateDir: string, record: OutcomeRecord): Promise<void> {
  await writeFileAtomic(join(stateDir, "reconcile", "last-apply.json"), `${JSON.stringify(record, null, 2)}\n`, 0o644);
}
