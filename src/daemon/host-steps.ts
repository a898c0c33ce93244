// The host side of a sync pass: reconcile steps run only when what they depend on changed
// (a digest of their slice of the desired state), or when the last run of them failed, or on
// --force. Re-running an in-sync step would issue no mutating command anyway; the gate saves
// the observation commands too.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Step } from "../reconcile/actions.js";
import { type ReconcileOptions, type ReconcileOutcome, reconcileHost } from "../reconcile/apply.js";
import { writeFileAtomic } from "../reconcile/drivers/files.js";
import { outcomeRecord, recordOutcome } from "../reconcile/outcome.js";
import type { ReconcileSession } from "../reconcile/session.js";
import type { Want } from "../reconcile/want.js";
import { digestOf } from "./digest.js";

type Digests = Partial<Record<Step, string>>;

const digestsPath = (stateDir: string) => join(stateDir, "reconcile", "digests.json");

async function readDigests(stateDir: string): Promise<Digests> {
  const text = await readFile(digestsPath(stateDir), "utf8").catch(() => "{}");
  try {
    return JSON.parse(text) as Digests;
  } catch {
    return {}; // a damaged file only means every step runs once more
  }
}

/** The slice of the desired state each step depends on (pure). */
export function stepInputs(want: Want, driver: string): Record<Step, string> {
  return {
    network: digestOf({ driver, network: want.network }),
    pf: digestOf({ driver, pf: want.pf }),
    jails: digestOf({ driver, jails: want.jails }),
    database: digestOf({ driver, database: want.database }),
    service: digestOf({ driver, services: want.services }),
  };
}

export interface HostStepsResult {
  /** Steps that ran (their inputs changed); empty when everything was already in sync. */
  ran: Step[];
  outcome: ReconcileOutcome | undefined;
}

/** Reconciles those of `steps` whose inputs changed since they last succeeded. */
export async function reconcileChanged(
  stateDir: string,
  s: ReconcileSession,
  steps: readonly Step[],
  opts: { force: boolean; now: () => Date; onAction?: ReconcileOptions["onAction"] },
): Promise<HostStepsResult> {
  const inputs = stepInputs(s.want, s.driver.name);
  const done = await readDigests(stateDir);
  const ran = steps.filter((step) => opts.force || done[step] !== inputs[step]);
  if (ran.length === 0) return { ran, outcome: undefined };
  const started = opts.now();
  const outcome = await reconcileHost(s.driver, s.want, s.store, { prune: false, only: ran, onAction: opts.onAction });
  await recordOutcome(stateDir, outcomeRecord(outcome, s.driver.name, started, opts.now()));
  for (const step of outcome.steps) done[step] = inputs[step];
  await writeFileAtomic(digestsPath(stateDir), `${JSON.stringify(done, null, 2)}\n`, 0o644);
  return { ran, outcome };
}
