// Refs as data: parsed from `git for-each-ref`, or read straight from a local repo's files
// (no process: the change check over many local origins must stay cheap).
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

export interface RefInfo {
  /** Full name, e.g. refs/heads/main or refs/tags/v1.0.0. */
  name: string;
  /** What the ref points at (a tag object for annotated tags). */
  oid: string;
  /** The commit an annotated tag points at, when known. */
  peeled?: string;
}

export type RefMap = Map<string, RefInfo>;

export const FOR_EACH_REF_FORMAT = "%(refname)%00%(objectname)%00%(*objectname)";

/** Parses `git for-each-ref --format=FOR_EACH_REF_FORMAT` output (pure). */
export function parseForEachRef(stdout: string): RefMap {
  const refs: RefMap = new Map();
  for (const line of stdout.split("\n")) {
    const [name, oid, peeled] = line.split("\0");
    if (!name || !oid) continue;
    refs.set(name, peeled ? { name, oid, peeled } : { name, oid });
  }
  return refs;
}

/** Parses a packed-refs file (pure): `oid name` lines, `^oid` peels the line before. */
export function parsePackedRefs(text: string): RefMap {
  const refs: RefMap = new Map();
  let last: RefInfo | undefined;
  for (const line of text.split("\n")) {
    if (line.startsWith("#") || line === "") continue;
    if (line.startsWith("^")) {
      if (last) last.peeled = line.slice(1).trim();
      continue;
    }
    const [oid, name] = line.split(" ");
    if (!oid || !name) continue;
    last = { name, oid };
    refs.set(name, last);
  }
  return refs;
}

/** Reads refs/heads and refs/tags of a repo's git dir from its files (loose refs win over packed ones). */
export async function readLocalRefs(gitDir: string): Promise<RefMap> {
  const packed = await readFile(join(gitDir, "packed-refs"), "utf8").catch(() => "");
  const refs = parsePackedRefs(packed);
  for (const [name] of refs) if (!name.startsWith("refs/heads/") && !name.startsWith("refs/tags/")) refs.delete(name);
  await walkLoose(gitDir, "refs/heads", refs);
  await walkLoose(gitDir, "refs/tags", refs);
  return refs;
}

async function walkLoose(gitDir: string, prefix: string, refs: RefMap): Promise<void> {
  const entries = await readdir(join(gitDir, prefix), { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    const name = `${prefix}/${e.name}`;
    if (e.isDirectory()) await walkLoose(gitDir, name, refs);
    else if (e.isFile()) {
      const oid = (await readFile(join(gitDir, name), "utf8").catch(() => "")).trim();
      if (/^[0-9a-f]{40}$/.test(oid)) refs.set(name, { name, oid });
    }
  }
}

/** True when both maps name the same refs at the same objects (pure). */
export function sameRefs(a: RefMap, b: RefMap): boolean {
  if (a.size !== b.size) return false;
  for (const [name, r] of a) if (b.get(name)?.oid !== r.oid) return false;
  return true;
}
