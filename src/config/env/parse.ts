// Parses an agent .env with dotenv's parser (data only: nothing is expanded or executed),
// keeping the line of every key so problems can point at it.
import { parse as dotenvParse } from "dotenv";
import { errorAt, type Problem } from "../../core/problem.js";

export interface ParsedEnv {
  values: Record<string, string>;
  /** 1-based line of each key's (last) assignment. */
  lines: Record<string, number>;
  problems: Problem[];
}

const ASSIGN = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/;

/** Checks UTF-8 and line syntax, then parses with dotenv. `file` names the file in problems. */
export function parseEnvFile(bytes: Uint8Array, file: string): ParsedEnv {
  const problems: Problem[] = [];
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8Line(bytes);
    return { values: {}, lines: {}, problems: [errorAt(file, "E_ENV_ENCODING", "the .env is not valid UTF-8", bad)] };
  }
  if (text.includes("\0")) problems.push(errorAt(file, "E_ENV_ENCODING", "the .env contains a NUL byte"));
  const lines: Record<string, number> = {};
  const rows = text.split(/\r?\n/);
  let open: string | undefined; // the quote of a multi-line value still open
  rows.forEach((row, i) => {
    if (open) {
      if (row.includes(open)) open = undefined;
      return;
    }
    if (/^\s*(#.*)?$/.test(row)) return;
    const m = ASSIGN.exec(row);
    if (!m) {
      problems.push(errorAt(file, "E_ENV_SYNTAX", "expected KEY=value, a comment or a blank line", i + 1, 1));
      return;
    }
    const key = m[1]!;
    if (lines[key] !== undefined) {
      problems.push(errorAt(file, "E_ENV_DUPLICATE", `${key} is set twice (first on line ${lines[key]})`, i + 1, 1));
    }
    lines[key] = i + 1;
    const value = m[2]!;
    const q = value[0];
    if ((q === '"' || q === "'" || q === "`") && !value.slice(1).includes(q)) open = q;
  });
  if (open) problems.push(errorAt(file, "E_ENV_SYNTAX", `unterminated ${open}-quoted value`, rows.length, 1));
  const values = dotenvParse(text);
  return { values, lines, problems };
}

/** The line holding the first byte sequence that is not UTF-8 (best effort, for the message). */
function firstInvalidUtf8Line(bytes: Uint8Array): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return 0;
}
