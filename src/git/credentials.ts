// Credentials for an origin come from a host-local secret file, handed to git through its own
// askpass (HTTP) or ssh's identity option — never in argv, a URL, a log or status.
import { chmod, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { environmentError, inputError } from "../core/errors.js";
import { FILE_LIMITS } from "../untrusted/limits.js";
import { readUntrusted } from "../untrusted/read-file.js";
import type { GitCall } from "./git-run.js";
import type { Origin } from "./origin.js";

/**
 * The askpass program git runs with the prompt as $1. The secret file is in git-credential form
 * (`username=` and `password=` lines) or a single line used as the password (user `git`).
 * It reads the file named by the environment; nothing of the secret is interpolated into code.
 */
export const ASKPASS_SCRIPT = `#!/bin/sh
f="$SOULSYNC_CREDENTIALS_FILE"
if grep -q '^password=' "$f"; then
  case "$1" in
    Username*) sed -n 's/^username=//p' "$f" | head -n 1 ;;
    *) sed -n 's/^password=//p' "$f" | head -n 1 ;;
  esac
else
  case "$1" in
    Username*) echo git ;;
    *) head -n 1 "$f" ;;
  esac
fi
`;

const SAFE_PATH = /^\/[A-Za-z0-9._/@+-]*$/;

/** The git call options that give `origin` the credentials named `name` (none → no options). */
export async function credentialCall(
  origin: Origin,
  name: string | undefined,
  secretsDir: string,
  stateDir: string,
): Promise<Pick<GitCall, "env" | "config">> {
  if (!name) return {};
  const file = join(secretsDir, name);
  // git's askpass and ssh read it later: it must be a regular file (a FIFO would hang them), in the dir.
  const read = await readUntrusted(file, { maxBytes: FILE_LIMITS.secret, root: secretsDir });
  if (!read.ok && read.reason === "missing") {
    throw environmentError("E_SECRET_MISSING", `credentials secret "${name}" not found in ${secretsDir}`, { name });
  }
  if (!read.ok) throw environmentError("E_SECRET_FILE", `credentials secret "${name}" in ${secretsDir} ${read.message}`, { name });
  if (origin.kind === "http") {
    const askpass = await installAskpass(stateDir);
    // An empty helper list stops a user-level credential helper from answering (or storing) instead.
    return { env: { GIT_ASKPASS: askpass, SOULSYNC_CREDENTIALS_FILE: file }, config: [["credential.helper", ""]] };
  }
  if (origin.kind === "ssh") {
    if (!SAFE_PATH.test(file)) {
      throw inputError("E_SECRET_PATH", `credentials path for "${name}" has characters ssh options cannot carry`, { name });
    }
    return { env: { GIT_SSH_COMMAND: `ssh -o BatchMode=yes -o IdentitiesOnly=yes -i '${file}'` } };
  }
  throw inputError("E_SOURCE_CREDENTIALS", `credentials are not used by ${origin.kind} origins (${origin.display})`, {
    url: origin.display,
  });
}

/** Writes the askpass script into <state_dir>/bin once (temp + rename), executable by the owner only. */
async function installAskpass(stateDir: string): Promise<string> {
  const dir = join(stateDir, "bin");
  const path = join(dir, "askpass");
  const current = await readFile(path, "utf8").catch(() => undefined);
  if (current === ASKPASS_SCRIPT) return path;
  await mkdir(dir, { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, ASKPASS_SCRIPT, { mode: 0o700 });
  await chmod(tmp, 0o700);
  await rename(tmp, path);
  return path;
}
