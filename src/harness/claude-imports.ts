// Claude Code expands `@path` in memory files (outside code spans and fenced blocks), recursively
// up to five hops. Soul text is data, so an `@~/…` or `@/…` in it would pull a file from the host
// into the model's context: that is an error. Other path-like mentions are warned about.
import { errorAt, type Problem, warningAt } from "../core/problem.js";

export interface ImportRef {
  line: number;
  column: number;
  path: string;
}

/** `@path` tokens Claude Code would read as imports (pure). */
export function findImports(text: string): ImportRef[] {
  const refs: ImportRef[] = [];
  let fence: string | undefined;
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  for (const [i, raw] of lines.entries()) {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(raw);
    if (f) {
      const mark = f[1]!;
      if (fence === undefined) fence = mark[0]!.repeat(mark.length);
      else if (mark.startsWith(fence)) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const line = raw.replace(/`+[^`]*`+/g, (m) => " ".repeat(m.length));
    for (const m of line.matchAll(/(^|\s)@((?:[^\s\\]|\\ )+)/g)) {
      refs.push({ line: i + 1, column: (m.index ?? 0) + m[1]!.length + 1, path: m[2]! });
    }
  }
  return refs;
}

/** Problems for imports found in soul text rendered into a Claude Code memory file. */
export function checkSoulImports(file: string, text: string, lineOffset: number): Problem[] {
  const problems: Problem[] = [];
  for (const ref of findImports(text)) {
    const p = ref.path.replace(/[.,;:!?)]+$/, "");
    const line = ref.line + lineOffset;
    if (p.startsWith("~") || p.startsWith("/") || p.split("/").includes("..")) {
      problems.push(
        errorAt(file, "E_RENDER_CLAUDE_IMPORT", `Claude Code would import "${p}" from outside the rendered soul; put it in a code span or remove the @`, line, ref.column),
      );
    } else if (p.includes("/") || /\.[a-z0-9]+$/i.test(p)) {
      problems.push(warningAt(file, "W_RENDER_CLAUDE_IMPORT", `Claude Code will try to import "${p}" relative to the rendered file`, line, ref.column));
    }
  }
  return problems;
}
