// Where host paths land: under the simulated host's root for the sim driver, under
// host_root (default "/") for the freebsd driver.
import { join } from "node:path";
import type { Bootstrap } from "../config/bootstrap.js";

export function hostRootOf(boot: Bootstrap): string {
  if (boot.driver === "sim") return join(boot.sim_dir ?? join(boot.state_dir, "sim"), "root");
  return boot.host_root ?? "/";
}

/** An absolute host path (e.g. an agent's home) as seen from here. */
export function onHost(boot: Bootstrap, path: string): string {
  return join(hostRootOf(boot), path);
}
