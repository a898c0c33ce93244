// The import planner (pure): the rows a revision should have, against the rows that exist,
// gives a versioned list of insert / update / retire actions. Nothing here touches a database.
import { CHUNKING_VERSION, chunkText } from "./chunk.js";
import type { MemoryRow, SkillRow } from "./rows.js";

export const IMPORT_PLAN_VERSION = 1;

export interface ExistingMemory {
  id: string;
  contentHash: string;
  chunkingVersion: number;
  tsConfig: string;
  retired: boolean;
}

export interface ExistingSkill {
  name: string;
  contentHash: string;
  retired: boolean;
}

export type MemoryUpdateReason = "content" | "chunking" | "revived";

export type ImportAction =
  | { kind: "memory.insert"; memory: MemoryRow; chunks: string[] }
  | { kind: "memory.update"; memory: MemoryRow; chunks: string[]; reason: MemoryUpdateReason }
  | { kind: "memory.retire"; id: string }
  | { kind: "skill.insert"; skill: SkillRow }
  | { kind: "skill.update"; skill: SkillRow; reason: "content" | "revived" }
  | { kind: "skill.retire"; name: string };

export interface ImportPlan {
  version: typeof IMPORT_PLAN_VERSION;
  agent: string;
  revision: string;
  tsConfig: string;
  chunkingVersion: number;
  actions: ImportAction[];
}

export interface PlanInput {
  agent: string;
  revision: string;
  tsConfig: string;
  memories: MemoryRow[];
  skills: SkillRow[];
}

function memoryChange(want: MemoryRow, have: ExistingMemory, tsConfig: string): MemoryUpdateReason | undefined {
  if (have.retired) return "revived";
  if (have.contentHash !== want.contentHash) return "content";
  if (have.chunkingVersion !== CHUNKING_VERSION || have.tsConfig !== tsConfig) return "chunking";
  return undefined;
}

/** Plans one revision's import; an empty action list means the brain already matches. */
export function planImport(input: PlanInput, existing: { memories: ExistingMemory[]; skills: ExistingSkill[] }): ImportPlan {
  const actions: ImportAction[] = [];
  const haveMemories = new Map(existing.memories.map((m) => [m.id, m]));
  const wanted = new Set<string>();
  for (const m of input.memories) {
    wanted.add(m.id);
    const have = haveMemories.get(m.id);
    if (!have) {
      actions.push({ kind: "memory.insert", memory: m, chunks: chunkText(m.body) });
      continue;
    }
    const reason = memoryChange(m, have, input.tsConfig);
    if (reason) actions.push({ kind: "memory.update", memory: m, chunks: chunkText(m.body), reason });
  }
  for (const have of existing.memories) {
    if (!wanted.has(have.id) && !have.retired) actions.push({ kind: "memory.retire", id: have.id });
  }
  const haveSkills = new Map(existing.skills.map((s) => [s.name, s]));
  const wantedSkills = new Set<string>();
  for (const s of input.skills) {
    wantedSkills.add(s.name);
    const have = haveSkills.get(s.name);
    if (!have) actions.push({ kind: "skill.insert", skill: s });
    else if (have.retired) actions.push({ kind: "skill.update", skill: s, reason: "revived" });
    else if (have.contentHash !== s.contentHash) actions.push({ kind: "skill.update", skill: s, reason: "content" });
  }
  for (const have of existing.skills) {
    if (!wantedSkills.has(have.name) && !have.retired) actions.push({ kind: "skill.retire", name: have.name });
  }
  return { version: IMPORT_PLAN_VERSION, agent: input.agent, revision: input.revision, tsConfig: input.tsConfig, chunkingVersion: CHUNKING_VERSION, actions };
}

/** Counts of a plan's actions by kind, for reports. */
export function summarizePlan(plan: ImportPlan): Record<ImportAction["kind"], number> {
  const counts = { "memory.insert": 0, "memory.update": 0, "memory.retire": 0, "skill.insert": 0, "skill.update": 0, "skill.retire": 0 };
  for (const a of plan.actions) counts[a.kind]++;
  return counts;
}

/** A plan without bodies or chunks, for printing: each action's kind, target and reason. */
export function describePlan(plan: ImportPlan): { kind: ImportAction["kind"]; id: string; reason?: string }[] {
  return plan.actions.map((a) => {
    const id = "memory" in a ? a.memory.id : "skill" in a ? a.skill.name : "id" in a ? a.id : a.name;
    return "reason" in a ? { kind: a.kind, id, reason: a.reason } : { kind: a.kind, id };
  });
}
