// The soul text Hermes would block, as errors at the soul's own file:line. Hermes' SOUL.md is
// composed from SOUL.md, IDENTITY.md, AGENTS.md and adapters/hermes.md: one hit anywhere and Hermes
// loads none of it. USER.md becomes memory entries, checked with the wider memory rules.
import { errorAt, type Problem } from "../core/problem.js";
import type { Soul } from "../soul/model.js";
import { scanThreats, type ThreatScope } from "./threats.js";

function check(file: string, text: string | undefined, scope: ThreatScope, firstLine = 1): Problem[] {
  if (!text) return [];
  const where = scope === "memory" ? "drops this memory entry from its prompt" : "loads none of its SOUL.md";
  return scanThreats(text, scope).map((f) =>
    errorAt(file, "E_RENDER_HERMES_BLOCKED", `Hermes would block this (${f.rule}: ${f.what}) and ${where}; reword it`, f.line + firstLine - 1, f.column),
  );
}

/** Problems for the parts of `soul` Hermes receives (`user`: whether USER.md goes to Hermes). */
export function checkHermesContent(soul: Soul, user: boolean): Problem[] {
  const adapter = soul.adapters.hermes;
  return [
    ...check("SOUL.md", soul.soul, "context"),
    ...check("IDENTITY.md", soul.identity, "context"),
    ...check("AGENTS.md", soul.agents, "context"),
    ...(adapter ? check(adapter.path, adapter.body, adapter.frontMatter.file === "memories/USER.md" ? "memory" : "context", adapter.bodyLine ?? 1) : []),
    ...(user ? check("USER.md", soul.user, "memory") : []),
  ];
}
