// Git's own rules for ref names (git-check-ref-format(1), refs.c check_refname_component), so a
// branch or tag from host.yaml is refused where it enters, not when git meets it: plus a leading
// "-" (it would read as an option, as `git check-ref-format --branch` also refuses).

/** Why `name` (a full ref such as refs/heads/main) is not a valid ref name, or undefined. */
export function refNameProblem(name: string): string | undefined {
  if (name === "" || name === "@") return "is empty or @";
  if (name.startsWith("/") || name.endsWith("/") || name.includes("//")) return "has an empty path component";
  if (name.endsWith(".")) return "ends with .";
  if (name.includes("..")) return "contains ..";
  if (name.includes("@{")) return "contains @{";
  // git refuses ASCII control characters (0x00-0x20 and DEL) and these punctuation marks.
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(name)) return "contains a space, a control character or one of ~ ^ : ? * [ \\";
  for (const part of name.split("/")) {
    if (part.startsWith(".")) return "has a component starting with .";
    if (part.endsWith(".lock")) return "has a component ending with .lock";
  }
  return undefined;
}

/** Why a branch or tag short name is unusable, or undefined; `kind` picks refs/heads or refs/tags. */
export function shortRefProblem(name: string, kind: "heads" | "tags"): string | undefined {
  if (name.startsWith("-")) return "starts with - (it would read as an option)";
  return refNameProblem(`refs/${kind}/${name}`);
}
