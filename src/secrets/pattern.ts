// Builds regular expressions that cannot backtrack catastrophically (DESIGN §6, hostile input).
// Every quantifier sits on one character class, has an upper bound, and is made atomic with the
// lookahead-and-backreference idiom `(?=([c]{m,n}))\1`, so a failed attempt costs at most the
// bounded run it read. A left boundary stops a run of body characters from starting an attempt
// at every position, which keeps the whole scan linear.

/** A literal, or a character class (without brackets) repeated `min`..`max` times. */
export type Part = string | readonly [cls: string, min: number, max: number];

const escapeLiteral = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");

/** Source of a sequence of parts, starting capture-group numbering at `group`. */
export function sequence(parts: readonly Part[], group = 1): { source: string; groups: number } {
  let source = "";
  let n = group;
  for (const p of parts) {
    if (typeof p === "string") source += escapeLiteral(p);
    else {
      const [cls, min, max] = p;
      source += `(?=([${cls}]{${min},${max}}))\\${n}`;
      n++;
    }
  }
  return { source, groups: n - group };
}

/**
 * A token: `parts` not preceded by a character of `before` nor followed by one of `after`.
 * Returns a global regex whose whole match is the token.
 */
export function tokenPattern(parts: readonly Part[], before: string, after: string = before, flags = "g"): RegExp {
  const { source } = sequence(parts);
  return new RegExp(`(?<![${before}])${source}(?![${after}])`, flags);
}

/** Every match of a global regex, with its offset (the regex's lastIndex is reset first). */
export function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    yield m;
  }
}
