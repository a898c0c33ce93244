// The rows a soul revision should have in the brain (pure): selected memories and skills turned
// into flat records, each with a content hash so an unchanged file is never written twice.
import { createHash } from "node:crypto";
import type { MemoryDoc, SkillDoc } from "../../soul/model.js";
import type { Selection } from "./policy.js";

export interface MemoryRow {
  id: string;
  kind: "memory" | "user_context";
  path: string;
  title: string;
  topics: string[];
  importance: number;
  created: string;
  updated: string | null;
  expires: string | null;
  source: string | null;
  body: string;
  contentHash: string;
}

export interface SkillRow {
  name: string;
  description: string;
  body: string;
  raw: string;
  files: string[];
  contentHash: string;
}

/** The id USER.md is stored under; `@` keeps it apart from memory ids taken from file names. */
export const USER_CONTEXT_ID = "@user-context";

const sha256 = (parts: unknown[]) => `sha256:${createHash("sha256").update(JSON.stringify(parts)).digest("hex")}`;

export function memoryRow(m: MemoryDoc): MemoryRow {
  const f = m.frontMatter;
  const row = {
    id: m.id,
    kind: "memory" as const,
    path: m.path,
    title: f.title,
    topics: [...f.topics],
    importance: f.importance,
    created: f.created,
    updated: f.updated ?? null,
    expires: f.expires ?? null,
    source: f.source ?? null,
    body: m.body,
  };
  return { ...row, contentHash: sha256(Object.values(row)) };
}

export function userContextRow(text: string, created: string): MemoryRow {
  const row = {
    id: USER_CONTEXT_ID,
    kind: "user_context" as const,
    path: "USER.md",
    title: "User context",
    topics: ["user-context"],
    importance: 5,
    created,
    updated: null,
    expires: null,
    source: null,
    body: text,
  };
  return { ...row, contentHash: sha256(Object.values(row)) };
}

export function skillRow(s: SkillDoc): SkillRow {
  const files = s.files.map((f) => f.path).sort();
  const contents = s.files
    .slice()
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((f) => [f.path, f.type, f.data ? createHash("sha256").update(f.data).digest("hex") : (f.target ?? "")]);
  return {
    name: s.name,
    description: s.frontMatter.description,
    body: s.body,
    raw: s.raw,
    files,
    contentHash: sha256([s.name, s.raw, contents]),
  };
}

/** Rows for a selection; `created` dates USER.md (the soul's provenance date). */
export function desiredRows(sel: Selection, created: string): { memories: MemoryRow[]; skills: SkillRow[] } {
  const memories = sel.memories.map(memoryRow);
  if (sel.userContext !== undefined) memories.push(userContextRow(sel.userContext, created));
  return { memories, skills: sel.skills.map(skillRow) };
}

/** A revision label for a tree with no commit: a digest of the rows, so it is stable for the same content. */
export function contentRevision(label: string, rows: { memories: MemoryRow[]; skills: SkillRow[] }): string {
  const digest = createHash("sha256")
    .update(rows.memories.map((m) => m.contentHash).sort().join("\n"))
    .update("\n--\n")
    .update(rows.skills.map((s) => s.contentHash).sort().join("\n"))
    .digest("hex");
  return `${label}@sha256:${digest.slice(0, 16)}`;
}
