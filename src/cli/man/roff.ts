// Escaping text for man(7) pages (pure): a backslash, a leading dot or quote, and hyphens in flags.

/** Text as roff shows it literally: backslashes escaped, a line's leading . or ' neutralised. */
export function roffText(s: string): string {
  return s
    .replace(/\\/g, "\\e")
    .split("\n")
    .map((line) => (/^[.']/.test(line) ? `\\&${line}` : line))
    .join("\n");
}

/** A flag or command word in bold, its hyphens as real minus signs (what `man -k` and copy-paste want). */
export const roffBold = (s: string): string => `\\fB${roffText(s).replace(/-/g, "\\-")}\\fR`;

/** An argument placeholder in italics. */
export const roffItalic = (s: string): string => `\\fI${roffText(s)}\\fR`;

/** A preformatted block (examples, file excerpts). */
export function roffExample(lines: string[]): string {
  return [".PP", ".RS 4", ".nf", ...lines.map((l) => roffText(l).replace(/-/g, "\\-")), ".fi", ".RE"].join("\n");
}
