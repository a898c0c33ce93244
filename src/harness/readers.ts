// Who reads what: every skills folder each harness loads (user, project and shared ones such as
// ~/.agents/skills) and every file that replaces one soulsync renders. The renderer uses it to
// hold a skills audience against every reader of a folder, to report the name collisions a
// harness would see, and to warn when a file in the agent's project_dir shadows the rendered soul.
// Sources (read, not copied):
// - Pi: @mariozechner/pi-coding-agent 0.73.1 dist/core/package-manager.js (addAutoDiscoveredResources:
//   project .pi/skills and .agents/skills rank above user <agentDir>/skills and $HOME/.agents/skills;
//   the .agents paths since 0.54.0, pi-mono 39cbf47e) and dist/core/resource-loader.js
//   (discoverAppendSystemPromptFile: <cwd>/.pi/APPEND_SYSTEM.md is taken instead of the global one).
// - Codex: codex-rs/core/src/skills/loader.rs ($CODEX_HOME/skills, repo .codex/skills); 0.94.0 added
//   repo .agents/skills, 0.95.0 $HOME/.agents/skills with $CODEX_HOME/skills kept as deprecated
//   (openai/codex#10430, #10437; ext/skills/src/host_roots.rs); $CODEX_HOME/AGENTS.override.md is
//   read instead of $CODEX_HOME/AGENTS.md (codex-rs/core/src/project_doc.rs, LOCAL_PROJECT_DOC_FILENAME).
// - OpenClaw 2026.9.6 dist/workspace-skill-sources-*.mjs (resolveWorkspaceSkillSourcePlan): managed
//   ~/.openclaw/skills, personal ~/.agents/skills, <workspace>/.agents/skills, <workspace>/skills (highest).
// - Hermes agent/skill_utils.py get_all_skills_dirs: $HERMES_HOME/skills first, then the shared
//   ~/.hermes/skills root when HERMES_HOME is a profile.
// - Claude Code docs (skills): ~/.claude/skills (personal) wins over <project>/.claude/skills.
import { join, resolve } from "node:path";
import type { HarnessName } from "../soul/schema/names.js";
import type { HarnessPaths } from "./paths.js";
import { atLeast, type HarnessVersions } from "./versions.js";

export interface SkillRoot {
  harness: HarnessName;
  /** Absolute folder holding <name>/SKILL.md. */
  path: string;
  scope: "user" | "project";
  /** Lower wins when two roots hold the same name. */
  rank: number;
}

/** A file the harness reads instead of one soulsync renders, while it exists. */
export interface Shadow {
  harness: HarnessName;
  path: string;
  /** The rendered file it replaces (absolute). */
  replaces: string;
}

const root = (harness: HarnessName, path: string, scope: SkillRoot["scope"], rank: number): SkillRoot => ({ harness, path: resolve(path), scope, rank });

/** Every skills folder each harness reads, for the installed versions; project ones only with a project_dir. */
export function skillRoots(p: HarnessPaths, projectDir: string | undefined, v: HarnessVersions): SkillRoot[] {
  const roots: SkillRoot[] = [];
  const project = (h: HarnessName, rel: string, rank: number) => {
    if (projectDir) roots.push(root(h, join(projectDir, rel), "project", rank));
  };
  const piAgents = atLeast(v.pi, "0.54.0");
  project("pi", ".pi/skills", 0);
  if (piAgents) project("pi", ".agents/skills", 1);
  roots.push(root("pi", join(p.piAgent, "skills"), "user", 2));
  if (piAgents) roots.push(root("pi", p.agentsSkills, "user", 3));

  if (atLeast(v.codex, "0.94.0")) project("codex", ".agents/skills", 0);
  else project("codex", ".codex/skills", 0);
  roots.push(root("codex", join(p.codexHome, "skills"), "user", 1));
  if (atLeast(v.codex, "0.95.0")) roots.push(root("codex", p.agentsSkills, "user", 2));

  roots.push(root("hermes", join(p.hermesHome, "skills"), "user", 0));
  const sharedHermes = join(p.home, ".hermes", "skills");
  if (resolve(sharedHermes) !== resolve(p.hermesHome, "skills")) roots.push(root("hermes", sharedHermes, "user", 1));

  roots.push(root("claude-code", join(p.claudeConfig, "skills"), "user", 0));
  project("claude-code", ".claude/skills", 1);

  roots.push(root("openclaw", join(p.openclawWorkspace, "skills"), "user", 0));
  roots.push(root("openclaw", join(p.openclawWorkspace, ".agents", "skills"), "user", 1));
  roots.push(root("openclaw", p.agentsSkills, "user", 2));
  roots.push(root("openclaw", join(p.home, ".openclaw", "skills"), "user", 3));
  return roots;
}

/** The harnesses that read skills from `dir`. */
export function readersOf(dir: string, roots: readonly SkillRoot[]): HarnessName[] {
  const d = resolve(dir);
  return [...new Set(roots.filter((r) => r.path === d).map((r) => r.harness))];
}

/** Files that replace a rendered one while they exist (the project ones only with a project_dir). */
export function shadowFiles(p: HarnessPaths, projectDir: string | undefined): Shadow[] {
  const shadows: Shadow[] = [{ harness: "codex", path: join(p.codexHome, "AGENTS.override.md"), replaces: join(p.codexHome, "AGENTS.md") }];
  if (projectDir) {
    shadows.push({ harness: "pi", path: join(projectDir, ".pi", "APPEND_SYSTEM.md"), replaces: join(p.piAgent, "APPEND_SYSTEM.md") });
  }
  return shadows;
}
