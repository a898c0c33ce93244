// Reads the bootstrap file with environment overrides (DESIGN §4):
// SOULSYNC_CONFIG, SOULSYNC_STATE_DIR, SOULSYNC_DATABASE_URL (falling back to DATABASE_URL).
import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { environmentError, inputError } from "../core/errors.js";
import { decodeText } from "../soul/validate/text.js";
import { FILE_LIMITS } from "../untrusted/limits.js";
import { readUntrusted } from "../untrusted/read-file.js";
import { refusalError } from "../untrusted/refusal.js";
import { parseYamlStrict } from "../untrusted/yaml.js";
import { DEFAULT_CONFIG_PATH } from "./default-path.js";
import { type BootstrapSpec, bootstrapSpec } from "./schema/bootstrap.js";

export { DEFAULT_CONFIG_PATH };

export interface Bootstrap extends BootstrapSpec {
  /** The file it was read from, or undefined for the embedded defaults. */
  configPath: string | undefined;
  /** With the embedded defaults: the working directory their relative paths resolved from. */
  defaultsFrom?: string;
}

/** The file's text; undefined when the default file is absent (the embedded defaults then run). */
async function readBootstrapText(path: string, given: boolean): Promise<string | undefined> {
  // The operator's own file: a symlink may lead anywhere, but to a regular file within the cap.
  const read = await readUntrusted(path, { maxBytes: FILE_LIMITS.bootstrap });
  if (!read.ok) {
    if (read.reason === "missing" && !given) return undefined;
    throw refusalError(path, read, "E_CONFIG_READ");
  }
  const text = decodeText(read.data);
  if (!text.ok) throw inputError("E_CONFIG_SYNTAX", `${path}:${text.line}:${text.column}: ${text.message}`, { path });
  return text.text;
}

/**
 * `explicit` is `--config`. With no file at all (no flag, no env, no default file), the
 * embedded defaults run the sim driver on the bundled example host in ./.soulsync.
 */
export async function loadBootstrap(explicit?: string, env: NodeJS.ProcessEnv = process.env): Promise<Bootstrap> {
  const path = explicit ?? env.SOULSYNC_CONFIG ?? DEFAULT_CONFIG_PATH;
  const given = explicit !== undefined || env.SOULSYNC_CONFIG !== undefined;
  const text = await readBootstrapText(path, given);
  let raw: unknown;
  if (text === undefined) {
    raw = { host_repo: { path: "examples/host" }, state_dir: ".soulsync", driver: "sim" };
  } else {
    const yaml = parseYamlStrict(text);
    const first = yaml.issues[0];
    if (first) throw inputError("E_CONFIG_SYNTAX", `${path}:${first.line}:${first.column}: ${first.message}`, { path, line: first.line });
    raw = yaml.value;
  }
  const parsed = bootstrapSpec.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw inputError("E_CONFIG_SCHEMA", `${path}: ${first?.path.join(".") || "(root)"}: ${first?.message}`, {
      path,
      issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    });
  }
  const spec = parsed.data;
  // Relative paths in the file are relative to the file, so a config works from any cwd.
  const base = text === undefined ? process.cwd() : dirname(resolve(path));
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(base, p));
  const stateDir = env.SOULSYNC_STATE_DIR ?? abs(spec.state_dir);
  return {
    ...spec,
    host_repo: "path" in spec.host_repo ? { path: abs(spec.host_repo.path) } : spec.host_repo,
    state_dir: stateDir,
    sim_dir: spec.sim_dir ? abs(spec.sim_dir) : undefined,
    host_root: spec.host_root ? abs(spec.host_root) : undefined,
    secrets_dir: abs(spec.secrets_dir),
    secrets_allowlist: spec.secrets_allowlist ? abs(spec.secrets_allowlist) : undefined,
    database_url: env.SOULSYNC_DATABASE_URL || env.DATABASE_URL || spec.database_url || undefined,
    configPath: text === undefined ? undefined : resolve(path),
    ...(text === undefined ? { defaultsFrom: base } : {}),
  };
}

/** Said with an error about a path from the embedded defaults, so the operator knows where it came from. */
export function defaultsNote(boot: Bootstrap): string | undefined {
  if (boot.configPath !== undefined) return undefined;
  return `no bootstrap file was found (none given with --config or SOULSYNC_CONFIG, and ${DEFAULT_CONFIG_PATH} does not exist), so the embedded defaults are in use, resolved from the working directory ${boot.defaultsFrom ?? process.cwd()}`;
}

/** host_repo.path, refused with where it came from when it holds no host.yaml. */
export function localHostDir(boot: Bootstrap & { host_repo: { path: string } }): string {
  const dir = boot.host_repo.path;
  const file = join(dir, "host.yaml");
  if (!existsSync(file)) {
    const from = defaultsNote(boot) ?? `host_repo.path in ${boot.configPath}`;
    throw environmentError("E_HOST_READ", `cannot read ${file}: it does not exist; ${from}`, { path: dir });
  }
  return dir;
}
