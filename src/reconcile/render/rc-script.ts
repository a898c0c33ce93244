// The agent's rc.subr script: the template in rc.d/agent.in filled with validated values (pure render).
import { readFileSync } from "node:fs";
import { packageFile } from "../../core/package-root.js";
import { internalError } from "./errors.js";

export interface RcRenderInput {
  name: string;
  assistant: string;
  user: string;
  projectDir: string;
  envFile: string;
  /** `KEY=value` words for `${name}_env` (the agent's locales). */
  env: string[];
  command: string;
}

/** Characters a value may have to be placed inside a double-quoted rc.conf-style assignment. */
const SAFE = /^[A-Za-z0-9 ._/@%+=:,-]*$/;

/** Fills `template` (rc.d/agent.in); throws on a value that is not safe inside the script. */
export function renderRcScript(template: string, input: RcRenderInput): string {
  const vars: Record<string, string> = {
    NAME: input.name,
    ASSISTANT: input.assistant.replace(/[^A-Za-z0-9 ._-]/g, "?"),
    USER: input.user,
    PROJECT_DIR: input.projectDir,
    ENV_FILE: input.envFile,
    ENV: input.env.join(" "),
    COMMAND: input.command,
  };
  for (const [k, v] of Object.entries(vars)) {
    if (!SAFE.test(v)) throw internalError(`rc.d value ${k} is not safe: ${JSON.stringify(v)}`);
  }
  return template.replace(/%%([A-Z_]+)%%/g, (m, k: string) => vars[k] ?? m);
}

let cached: string | undefined;
/** Reads rc.d/agent.in shipped with soulsync (once). */
export function readRcTemplate(): string {
  cached ??= readFileSync(packageFile("rc.d/agent.in"), "utf8");
  return cached;
}
