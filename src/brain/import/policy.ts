// What may be imported (pure): only what both the soul's manifest privacy rules and the host's
// brain policy allow. The stricter of the two always wins.
import type { BrainPolicy } from "../../config/schema/host.js";
import type { MemoryDoc, SkillDoc, Soul } from "../../soul/model.js";

export interface Selection {
  memories: MemoryDoc[];
  skills: SkillDoc[];
  /** USER.md, when it may be imported. */
  userContext: string | undefined;
  /** Why things were left out, for the report: counts by reason. */
  skipped: { private: number; expired: number; policy: number; skills: number };
}

/** The default host policy when a command runs without a host repo. */
export const DEFAULT_HOST_POLICY: BrainPolicy = { memories: "curated", skills: "all", user_context: false };

function skillAllowed(name: string, rule: "all" | "none" | string[]): boolean {
  return rule === "all" || (Array.isArray(rule) && rule.includes(name));
}

/** `today` is YYYY-MM-DD; a memory whose `expires` date is before it is left out. */
export function selectImportable(soul: Soul, host: BrainPolicy, today: string): Selection {
  const privacy = soul.manifest.privacy;
  const memoriesAllowed = privacy.memories === "curated" && host.memories === "curated";
  const skipped = { private: 0, expired: 0, policy: 0, skills: 0 };
  const memories: MemoryDoc[] = [];
  for (const m of soul.memories) {
    if (!memoriesAllowed) skipped.policy++;
    else if (m.frontMatter.private) skipped.private++;
    else if (m.frontMatter.expires !== undefined && m.frontMatter.expires.slice(0, 10) < today) skipped.expired++;
    else memories.push(m);
  }
  const skills = soul.skills.filter((s) => skillAllowed(s.name, privacy.skills) && skillAllowed(s.name, host.skills));
  skipped.skills = soul.skills.length - skills.length;
  // The brain is readable from every harness the agent runs under, so USER.md goes in only when
  // the soul shares it with all of them and the host opted in.
  const userContext = privacy.user_context === "all" && host.user_context ? soul.user : undefined;
  return { memories, skills, userContext, skipped };
}
