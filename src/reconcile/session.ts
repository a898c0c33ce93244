// Opens what plan and apply need from the bootstrap: the validated host repo, the desired
// state, the driver (freebsd or sim) with its database door, and the inventory store.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { type DbAdmin, openPgAdmin } from "../brain/admin/admin.js";
import type { HostConfig } from "../config/agent/model.js";
import { type Bootstrap, localHostDir } from "../config/bootstrap.js";
import { loadHostConfig } from "../config/check.js";
import { environmentError, SoulsyncError, usageError } from "../core/errors.js";
import type { Problem } from "../core/problem.js";
import { freebsdDriver } from "./drivers/freebsd.js";
import { simDb } from "./drivers/sim/db.js";
import { simDriver } from "./drivers/sim/driver.js";
import type { Driver } from "./drivers/types.js";
import { fileInventoryStore } from "./inventory-file.js";
import type { InventoryStore } from "./inventory.js";
import { readRcTemplate } from "./render/rc-script.js";
import { desiredState, type Want } from "./want.js";

export interface ReconcileSession {
  host: HostConfig;
  want: Want;
  driver: Driver;
  store: InventoryStore;
  warnings: Problem[];
}

/** A DbAdmin that fails on use: the freebsd driver has no admin connection configured. */
function missingDb(): DbAdmin {
  const no = () => {
    throw environmentError("E_DB_ADMIN_MISSING", "the database step needs admin_database_url (or database_url) in the bootstrap file");
  };
  return { observe: async () => no(), apply: async () => no(), close: async () => {} };
}

/**
 * The host repo directory: `--host` wins, else the bootstrap's host_repo.path, else the revision
 * `sync` published from the host repo's git source (<state_dir>/_host/repo/current).
 */
export function hostDirOf(boot: Bootstrap, override?: string): string {
  if (override) return override;
  if ("path" in boot.host_repo) return localHostDir({ ...boot, host_repo: boot.host_repo });
  const published = join(boot.state_dir, "_host", "repo", "current");
  if (existsSync(published)) return published;
  throw usageError("E_HOST_REPO", "host_repo is a git source and no revision of it is published yet: run soulsync sync, or give --host DIR");
}

/** Where the sim driver keeps its host (default <state_dir>/sim). */
export const simDirOf = (boot: Bootstrap): string => boot.sim_dir ?? join(boot.state_dir, "sim");

/** Reads and validates the host repo; throws E_HOST_CONFIG carrying every problem. */
export async function loadCheckedHost(hostDir: string): Promise<{ host: HostConfig; problems: Problem[] }> {
  const check = await loadHostConfig(hostDir);
  if (!check.host) {
    throw new SoulsyncError("E_HOST_CONFIG", `${hostDir}: the host repo has errors; nothing was applied`, { kind: "input", data: { problems: check.problems } });
  }
  return { host: check.host, problems: check.problems };
}

/** Opens the driver for an already validated host; `souls` are the soul revisions the services run. */
export function sessionFor(boot: Bootstrap, host: HostConfig, warnings: Problem[], souls: Record<string, string> = {}): ReconcileSession {
  const want = desiredState(host, readRcTemplate(), souls);
  let driver: Driver;
  if (boot.driver === "sim") {
    const dir = simDirOf(boot);
    // Sim uses a real server only when an admin URL is given explicitly; else roles live in the sim state.
    driver = simDriver(dir, boot.admin_database_url ? openPgAdmin(boot.admin_database_url) : simDb(dir));
  } else {
    const url = boot.admin_database_url ?? boot.database_url;
    driver = freebsdDriver({ root: boot.host_root, db: url ? openPgAdmin(url) : missingDb() });
  }
  return { host, want, driver, store: fileInventoryStore(boot.state_dir), warnings };
}

/** Validates the host repo (throws E_HOST_CONFIG with every problem) and opens the driver. */
export async function openSession(boot: Bootstrap, hostDir: string, souls: Record<string, string> = {}): Promise<ReconcileSession> {
  const { host, problems } = await loadCheckedHost(hostDir);
  return sessionFor(boot, host, problems, souls);
}
