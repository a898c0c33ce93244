// Builds Layered Soul v1 repos for brain tests from a few parameters.
import { tmpDir, writeTree } from "../../helpers/tmp.js";

export interface MemorySpec {
  title?: string;
  topics?: string[];
  importance?: number;
  body: string;
  private?: boolean;
  expires?: string;
  /** Raw front matter text, replacing the generated one (for invalid-input tests). */
  raw?: string;
}

export interface SoulSpec {
  agent: string;
  memories?: Record<string, MemorySpec>;
  skills?: Record<string, string>;
  privacy?: { user_context?: unknown; memories?: string; skills?: unknown };
  user?: string;
}

/** The file tree of a soul. */
export function soulFiles(s: SoulSpec): Record<string, string> {
  const files: Record<string, string> = {
    "manifest.json": JSON.stringify({
      schema: "clawdie.layered-soul.v1",
      agent_id: s.agent,
      display_name: s.agent,
      provenance: { authors: ["test"], created: "2026-01-01" },
      privacy: { user_context: "none", memories: "curated", skills: "all", ...s.privacy },
      adapters: {},
    }),
    "SOUL.md": `# ${s.agent}\n\nCalm and brief.\n`,
    "USER.md": s.user ?? "# Operator\n\nThe operator likes short answers.\n",
    "IDENTITY.md": `# Identity\n\nYou are ${s.agent}.\n`,
  };
  for (const [name, m] of Object.entries(s.memories ?? {})) {
    const fm =
      m.raw ??
      [
        `title: ${JSON.stringify(m.title ?? name)}`,
        `topics: ${JSON.stringify(m.topics ?? ["general"])}`,
        `importance: ${m.importance ?? 3}`,
        "created: 2026-01-01",
        ...(m.private ? ["private: true"] : []),
        ...(m.expires ? [`expires: ${m.expires}`] : []),
      ].join("\n");
    files[`memories/curated/${name}.md`] = `---\n${fm}\n---\n\n${m.body}\n`;
  }
  for (const [name, description] of Object.entries(s.skills ?? {})) {
    files[`skills/${name}/SKILL.md`] = `---\nname: ${name}\ndescription: ${description}\n---\n\n# ${name}\n\n${description}\n`;
  }
  return files;
}

/** Writes a soul into a fresh temporary directory and returns it. */
export function writeSoul(s: SoulSpec, dir = tmpDir("soulsync-soul-")): string {
  return writeTree(dir, soulFiles(s));
}
