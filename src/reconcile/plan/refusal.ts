// What a planner returns: actions, warnings, and refusals — a precondition that is the operator's
// call (a release to bootstrap, a script soulsync did not write). A step with a refusal runs none
// of its actions; the message says exactly what to do.
import type { Action, Step } from "../actions.js";

export interface Refusal {
  step: Step;
  /** A stable code: E_HOST_PRECONDITION, E_BASTILLE_VERSION, E_BASTILLE_MISSING, E_SERVICE_NAME, E_RC_FOREIGN. */
  code: string;
  message: string;
}

export interface StepPlan {
  actions: Action[];
  warnings: string[];
  refused: Refusal[];
}
