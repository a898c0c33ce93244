// The pure planners, one per step, behind one signature.
import type { Step } from "../actions.js";
import type { Have } from "../observe/types.js";
import type { Want } from "../want.js";
import type { PlanContext } from "./context.js";
import { planDatabase } from "./database.js";
import { planJails } from "./jails.js";
import { planNetwork } from "./network.js";
import { planPf } from "./pf.js";
import type { StepPlan } from "./refusal.js";
import { planService } from "./service.js";

export type { PlanContext } from "./context.js";
export type { Refusal, StepPlan } from "./refusal.js";

/** Plans one step from what it observed. */
export function planStep<S extends Step>(step: S, want: Want, have: Have[S], ctx: PlanContext): StepPlan {
  switch (step) {
    case "network":
      return { actions: planNetwork(want.network, have as Have["network"], ctx), warnings: [], refused: [] };
    case "pf":
      return planPf(want.pf, have as Have["pf"]);
    case "jails":
      return planJails(want.jails, have as Have["jails"], ctx);
    case "database":
      return { actions: planDatabase(want.database, have as Have["database"]), warnings: [], refused: [] };
    default:
      return planService(want.services, have as Have["service"]);
  }
}
