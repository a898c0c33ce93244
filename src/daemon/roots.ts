// Where host paths land: under the simulated host's root for the sim driver, under
// host_root (default "/") for the freebsd driver.
import { join } from "node:path";
import type { Bootstrap } from "../config/bootstrap.js";
import { rootOf } from "../reconcile/drivers/sim/state.js";
import { simDirOf } from "../reconcile/session.js";

export function hostRootOf(boot: Bootstrap): string {
  return boot.driver === "sim" ? rootOf(simDirOf(boot)) : (boot.host_root ?? "/");
}

/** An absolute host path (e.g. an agent's home) as seen from here. */
export function onHost(boot: Bootstrap, path: string): string {
  return join(hostRootOf(boot), path);
}
