// The host-side allowlist of accepted findings: named on the command line, else the bootstrap
// file's `secrets_allowlist`, else none. Kept apart from the scan command so `validate` stays light.
import { existsSync } from "node:fs";
import { DEFAULT_CONFIG_PATH } from "../config/default-path.js";
import { readAllowlist } from "./allowlist.js";

/** The allowlist named on the command line, else the bootstrap file's, else none. */
export async function loadAllowlist(explicit: string | undefined, config: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<Set<string>> {
  if (explicit) return readAllowlist(explicit);
  // The bootstrap reader (YAML and its schema) is loaded only when there is a file to read: the
  // embedded defaults name no allowlist, and a hook or a scan should not pay for parsing them.
  if (config === undefined && env.SOULSYNC_CONFIG === undefined && !existsSync(DEFAULT_CONFIG_PATH)) return new Set();
  const { loadBootstrap } = await import("../config/bootstrap.js");
  const boot = await loadBootstrap(config, env);
  // loadBootstrap made it absolute, relative to the bootstrap file like every other path in it.
  return boot.secrets_allowlist ? readAllowlist(boot.secrets_allowlist) : new Set();
}
