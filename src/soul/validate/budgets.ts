// Harness budgets, as warnings: the soul may still be valid, but a harness will cut or refuse it.
import { type Problem, warningAt } from "../../core/problem.js";

export const BUDGETS = {
  codexCombinedBytes: 32 * 1024,
  hermesCharsPerFile: 20_000,
  hermesUserChars: 1_375,
  openclawCharsPerFile: 20_000,
  openclawCharsTotal: 60_000,
  claudeLinesPerFile: 200,
} as const;

const PERSONA = ["SOUL.md", "USER.md", "IDENTITY.md", "AGENTS.md"] as const;

/** `texts` holds the decoded core files (and adapters) that exist. */
export function checkBudgets(texts: Map<string, string>): Problem[] {
  const problems: Problem[] = [];
  const present = PERSONA.filter((f) => texts.has(f));
  const chars = (f: string) => [...(texts.get(f) ?? "")].length;

  const codexFiles = [...present, ...(texts.has("adapters/codex.md") ? ["adapters/codex.md"] : [])];
  const codexBytes = codexFiles.reduce((n, f) => n + Buffer.byteLength(texts.get(f) ?? ""), 0);
  if (codexBytes > BUDGETS.codexCombinedBytes) {
    problems.push(
      warningAt("AGENTS.md", "W_BUDGET_CODEX", `Codex reads at most ${BUDGETS.codexCombinedBytes} bytes of AGENTS.md; ${codexFiles.join(" + ")} come to ${codexBytes}`),
    );
  }
  for (const f of present) {
    const n = chars(f);
    if (f !== "AGENTS.md" && n > BUDGETS.hermesCharsPerFile) {
      problems.push(warningAt(f, "W_BUDGET_HERMES", `Hermes truncates files over ${BUDGETS.hermesCharsPerFile} characters; this has ${n}`));
    }
    if (n > BUDGETS.openclawCharsPerFile) {
      problems.push(warningAt(f, "W_BUDGET_OPENCLAW", `OpenClaw reads at most ${BUDGETS.openclawCharsPerFile} characters a file; this has ${n}`));
    }
    const lines = (texts.get(f) ?? "").split("\n").length;
    if (lines > BUDGETS.claudeLinesPerFile) {
      problems.push(warningAt(f, "W_BUDGET_CLAUDE", `Claude Code works best with memory files under about ${BUDGETS.claudeLinesPerFile} lines; this has ${lines}`));
    }
  }
  if (texts.has("USER.md") && chars("USER.md") > BUDGETS.hermesUserChars) {
    problems.push(
      warningAt("USER.md", "W_BUDGET_HERMES_USER", `Hermes keeps at most ${BUDGETS.hermesUserChars} characters of user context; this has ${chars("USER.md")}`),
    );
  }
  const total = present.reduce((n, f) => n + chars(f), 0);
  if (total > BUDGETS.openclawCharsTotal) {
    problems.push(warningAt(".", "W_BUDGET_OPENCLAW", `OpenClaw reads at most ${BUDGETS.openclawCharsTotal} characters of workspace files in all; these have ${total}`));
  }
  return problems;
}
