// The host-side allowlist of accepted findings: named on the command line, else the bootstrap
// file's `secrets_allowlist`, else none. Kept apart from the scan command so `validate` stays light.
import { loadBootstrap } from "../config/bootstrap.js";
import { readAllowlist } from "./allowlist.js";

/** The allowlist named on the command line, else the bootstrap file's, else none. */
export async function loadAllowlist(explicit: string | undefined, config: string | undefined): Promise<Set<string>> {
  if (explicit) return readAllowlist(explicit);
  const boot = await loadBootstrap(config);
  // loadBootstrap made it absolute, relative to the bootstrap file like every other path in it.
  return boot.secrets_allowlist ? readAllowlist(boot.secrets_allowlist) : new Set();
}
