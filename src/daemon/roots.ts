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

/** FreeBSD's default PATH for a login user (login.conf), where a harness's binary is looked for. */
const HOST_PATH = ["/sbin", "/bin", "/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"];

/**
 * Where the host's programs are looked for: this process's PATH on the host itself, else the same
 * folders under the host root. A simulated host has only what was put in its root, never the
 * binaries of the machine it runs on (`npm start` has Pi, a dev dependency, on PATH).
 */
export function hostPath(boot: Bootstrap, env: NodeJS.ProcessEnv = process.env): string {
  const root = hostRootOf(boot);
  return root === "/" ? (env.PATH ?? "") : HOST_PATH.map((d) => join(root, d)).join(":");
}
