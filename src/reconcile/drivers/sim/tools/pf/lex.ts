// pf.conf's lexer as sbin/pfctl/parse.y (FreeBSD 14) has it: `#` comments, `\` line joins,
// quoted strings, `$macro` expanded where it is read (an undefined one is an error), and the
// punctuation parse.y keeps out of words: ( ) { } < > ! = / , and "->".

export interface Token {
  /** "word" for bare words and numbers, "string" for quoted text, else the punctuation itself. */
  t: "word" | "string" | "(" | ")" | "{" | "}" | "<" | ">" | "!" | "=" | "/" | "," | "->";
  v: string;
}

const PUNCT = new Set(["(", ")", "{", "}", "<", ">", "!", "=", "/", ","]);

/** One logical line's tokens; `macros` expand `$name` (their text is lexed again, like parse.y's pushback). */
export function lexLine(line: string, macros: ReadonlyMap<string, string>, errors: string[]): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === " " || c === "\t") i++;
    else if (c === "#") break;
    else if (c === '"') {
      const end = line.indexOf('"', i + 1);
      if (end < 0) {
        errors.push("unterminated quoted string");
        return out;
      }
      out.push({ t: "string", v: line.slice(i + 1, end) });
      i = end + 1;
    } else if (c === "-" && line[i + 1] === ">") {
      out.push({ t: "->", v: "->" });
      i += 2;
    } else if (PUNCT.has(c)) {
      out.push({ t: c as Token["t"], v: c });
      i++;
    } else if (c === "$") {
      const m = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(line.slice(i));
      if (!m) {
        errors.push("syntax error");
        return out;
      }
      const value = macros.get(m[1]!);
      if (value === undefined) {
        errors.push(`macro '${m[1]}' not defined`);
        return out;
      }
      out.push(...lexLine(value, macros, errors));
      i += m[0].length;
    } else {
      let j = i;
      while (j < line.length && !/[\s#"(){}<>!=/,$]/.test(line[j]!) && !(line[j] === "-" && line[j + 1] === ">")) j++;
      out.push({ t: "word", v: line.slice(i, j) });
      i = j;
    }
  }
  return out;
}
