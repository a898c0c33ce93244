// The versioned plan that `plan --json` prints and `apply` runs (changesets-style).
import { sqlOf } from "../brain/admin/sql.js";
import { type Action, argvOf, type Step } from "./actions.js";
import type { Refusal } from "./plan/refusal.js";

export const PLAN_VERSION = 1;

export interface Plan {
  version: typeof PLAN_VERSION;
  actions: Action[];
  /** Things the operator should know that soulsync will not change (e.g. pf.conf lacks the include). */
  warnings: string[];
  /** Preconditions that are the operator's call: their steps will not run until they are met. */
  refused: Refusal[];
}

export interface PlanJsonAction {
  step: Step;
  kind: string;
  summary: string;
  agent?: string;
  argv?: string[];
  path?: string;
  hash?: string;
  sql?: string;
}

/** One action as `plan --json` shows it: argv, or path + content hash, or the SQL statement. */
export function actionJson(a: Action): PlanJsonAction {
  const out: PlanJsonAction = { step: a.step, kind: a.kind, summary: a.summary };
  if (a.agent) out.agent = a.agent;
  if (a.kind === "file.write") return { ...out, path: a.path, hash: a.hash };
  const sql = sqlOf(a);
  if (sql !== undefined) return { ...out, sql };
  return { ...out, argv: argvOf(a) ?? [] };
}

/** The whole plan as printed by `plan --json`. */
export function planJson(plan: Plan): { version: number; actions: PlanJsonAction[]; warnings: string[]; refused: Refusal[] } {
  return { version: plan.version, actions: plan.actions.map(actionJson), warnings: plan.warnings, refused: plan.refused };
}
