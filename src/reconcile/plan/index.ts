// The pure planners, one per step, behind one signature.
import type { Action, Step } from "../actions.js";
import type { Have } from "../observe/types.js";
import type { Want } from "../want.js";
import type { PlanContext } from "./context.js";
import { planDatabase } from "./database.js";
import { planJails } from "./jails.js";
import { planNetwork } from "./network.js";
import { planPf } from "./pf.js";
import { planService } from "./service.js";

export type { PlanContext } from "./context.js";

/** Plans one step from what it observed. */
export function planStep<S extends Step>(step: S, want: Want, have: Have[S], ctx: PlanContext): { actions: Action[]; warnings: string[] } {
  switch (step) {
    case "network":
      return { actions: planNetwork(want.network, have as Have["network"], ctx), warnings: [] };
    case "pf":
      return planPf(want.pf, have as Have["pf"]);
    case "jails":
      return planJails(want.jails, have as Have["jails"], ctx);
    case "database":
      return { actions: planDatabase(want.database, have as Have["database"]), warnings: [] };
    default:
      return { actions: planService(want.services, have as Have["service"]), warnings: [] };
  }
}
