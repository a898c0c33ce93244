// A PostgreSQL server of the test's own: initdb + pg_ctl in a temp dir, on a free loopback port,
// stopped and started by the test (never the machine's shared server). As root, the server runs
// as the `postgres` user (initdb refuses root). Unavailable (no binaries) is a skip reason, and a
// failure under CI=true.
import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after } from "node:test";
import { freePort } from "../git/helpers/servers.js";

export interface OwnPostgres {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
  /** The data directory (its base/ holds the relation files). */
  data: string;
  start(): void;
  stop(): void;
  /** Runs one SQL statement as the superuser through psql (in `database`, default postgres); returns its unaligned output. */
  sql(statement: string, database?: string): string;
}

/** The directory of initdb and pg_ctl: /usr/lib/postgresql/<newest>/bin, else pg_config's, else undefined. */
export function postgresBinDir(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => existsSync(join(root, v, "bin", "initdb"))).sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], "bin");
  }
  try {
    const dir = execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim();
    return existsSync(join(dir, "initdb")) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** The reason this machine cannot run a server of the test's own, or undefined. */
export function ownPostgresUnavailable(): string | undefined {
  const why = postgresBinDir() ? undefined : "no initdb/pg_ctl found (/usr/lib/postgresql/*/bin, pg_config --bindir)";
  if (why && process.env.CI === "true") throw new Error(`CI=true but ${why}`);
  return why;
}

/** initdb + start; stopped and removed when the test file ends. */
export async function ownPostgres(): Promise<OwnPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error("no PostgreSQL binaries");
  const root = mkdtempSync(join(tmpdir(), "soulsync-pg-"));
  const data = join(root, "data");
  const asRoot = process.getuid?.() === 0;
  // initdb and postgres refuse to run as root: run them as the postgres user, owner of the temp dir.
  const uid = asRoot ? Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })) : undefined;
  const gid = asRoot ? Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" })) : undefined;
  if (uid !== undefined && gid !== undefined) chownSync(root, uid, gid);
  chmodSync(root, 0o700);
  const as = (argv: string[]) => (uid !== undefined ? ["setpriv", `--reuid=${uid}`, `--regid=${gid}`, "--clear-groups", ...argv] : argv);
  const runAs = (argv: string[]) => {
    const [file, ...args] = as(argv);
    return execFileSync(file!, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], cwd: root });
  };
  runAs([join(bin, "initdb"), "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  const port = await freePort();
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  let running = false;
  const server: OwnPostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    data,
    start() {
      runAs([join(bin, "pg_ctl"), "-D", data, "-l", join(root, "log"), "-o", options, "-w", "-t", "60", "start"]);
      running = true;
    },
    stop() {
      if (!running) return;
      runAs([join(bin, "pg_ctl"), "-D", data, "-m", "fast", "-w", "-t", "60", "stop"]);
      running = false;
    },
    sql(statement, database = "postgres") {
      return runAs([join(bin, "psql"), "-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-d", database, "-XAtqc", statement]).trim();
    },
  };
  server.start();
  after(() => {
    try {
      server.stop();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
  return server;
}
