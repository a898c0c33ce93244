// Where each harness reads its files, from the home directory and the harness env overrides.
// Pure: the environment is passed in, never read here.
import { isAbsolute, join, resolve, sep } from "node:path";

/** The environment variables harnesses use to move their homes. */
export interface HarnessEnv {
  PI_CODING_AGENT_DIR?: string | undefined;
  HERMES_HOME?: string | undefined;
  CODEX_HOME?: string | undefined;
  CLAUDE_CONFIG_DIR?: string | undefined;
}

export const HARNESS_ENV_KEYS = ["PI_CODING_AGENT_DIR", "HERMES_HOME", "CODEX_HOME", "CLAUDE_CONFIG_DIR"] as const;

export interface HarnessPaths {
  /** The --out directory, standing for the agent's home. */
  home: string;
  /** Pi: ~/.pi/agent or $PI_CODING_AGENT_DIR. */
  piAgent: string;
  /** Hermes: ~/.hermes or $HERMES_HOME. */
  hermesHome: string;
  /** Codex: ~/.codex or $CODEX_HOME (AGENTS.md only; skills live in ~/.agents/skills). */
  codexHome: string;
  /** Codex user-scope skills: ~/.agents/skills (CODEX_HOME does not move them). */
  agentsSkills: string;
  /** Claude Code: ~/.claude or $CLAUDE_CONFIG_DIR. */
  claudeConfig: string;
  /** OpenClaw: ~/.openclaw/workspace. */
  openclawWorkspace: string;
  /** Colibri's SQLite database. */
  colibriDb: string;
}

/** `~/x` and relative values are taken against `home`; empty values count as unset. */
function fromEnv(home: string, value: string | undefined, fallback: string): string {
  if (value === undefined || value.trim() === "") return fallback;
  const v = value.startsWith("~/") ? join(home, value.slice(2)) : value === "~" ? home : value;
  return isAbsolute(v) ? resolve(v) : resolve(home, v);
}

/** Resolves every harness location under `home` (an absolute path). */
export function harnessPaths(home: string, env: HarnessEnv = {}, colibriDb?: string): HarnessPaths {
  const h = resolve(home);
  return {
    home: h,
    piAgent: fromEnv(h, env.PI_CODING_AGENT_DIR, join(h, ".pi", "agent")),
    hermesHome: fromEnv(h, env.HERMES_HOME, join(h, ".hermes")),
    codexHome: fromEnv(h, env.CODEX_HOME, join(h, ".codex")),
    agentsSkills: join(h, ".agents", "skills"),
    claudeConfig: fromEnv(h, env.CLAUDE_CONFIG_DIR, join(h, ".claude")),
    openclawWorkspace: join(h, ".openclaw", "workspace"),
    colibriDb: colibriDb ? resolve(h, colibriDb) : join(h, ".colibri", "colibri.sqlite"),
  };
}

/** Picks the harness variables out of a whole environment. */
export function pickHarnessEnv(env: Record<string, string | undefined>): HarnessEnv {
  const out: HarnessEnv = {};
  for (const k of HARNESS_ENV_KEYS) if (env[k] !== undefined) out[k] = env[k];
  return out;
}

/** The directories renders may write into: each harness home and ~/.agents/skills. */
export function harnessRoots(p: HarnessPaths): string[] {
  return [p.piAgent, p.hermesHome, p.codexHome, p.agentsSkills, p.claudeConfig, p.openclawWorkspace];
}

const inside = (dir: string, abs: string) => abs.startsWith(dir.endsWith(sep) ? dir : `${dir}${sep}`);

/**
 * The directory from which every component of `abs` must be a real directory, not a symlink:
 * --out for paths under it (--out itself may be a symlink, as /home is on FreeBSD), else the
 * harness root the operator named in the environment. Undefined when `abs` is under no root.
 */
export function trustBase(p: HarnessPaths, abs: string): string | undefined {
  const root = harnessRoots(p)
    .filter((r) => inside(r, abs))
    .sort((a, b) => b.length - a.length)[0];
  if (!root) return undefined;
  return inside(p.home, root) || root === p.home ? p.home : root;
}
