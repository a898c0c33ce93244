// Ref selection (pure): which ref of a source the operator selected.
// Precedence commit > tag > semver > branch: the most specific selector given wins, and there is no
// fallback to a less specific one (a missing pinned tag must not silently deploy a branch).
import semver from "semver";
import type { RefSelector } from "../config/schema/source.js";
import { inputError } from "../core/errors.js";
import type { RefMap } from "./refs.js";

export type SelectionKind = "commit" | "tag" | "semver" | "branch";

export interface Selection {
  kind: SelectionKind;
  /** Short name used in the revision: branch or tag name, or the commit as given. */
  ref: string;
  /** Full ref name (absent for a commit selector). */
  refName?: string;
  /** The object the ref points at (a tag object for annotated tags); for a commit selector the id given. */
  oid: string;
  /** True when the selected ref is a tag (signed-tag verification applies). */
  isTag: boolean;
}

/** Picks the ref named by `selector` among `refs` (pure); throws E_REF_NOT_FOUND naming what is missing. */
export function selectRef(selector: RefSelector, refs: RefMap): Selection {
  if (selector.commit) return { kind: "commit", ref: selector.commit, oid: selector.commit, isTag: false };
  if (selector.tag) {
    const r = refs.get(`refs/tags/${selector.tag}`);
    if (!r) throw notFound(`tag ${selector.tag}`);
    return { kind: "tag", ref: selector.tag, refName: r.name, oid: r.oid, isTag: true };
  }
  if (selector.semver) {
    const best = highestTag(selector.semver, selector.prefix ?? "", refs);
    if (!best) {
      const where = selector.prefix ? ` with prefix ${selector.prefix}` : "";
      throw notFound(`a tag${where} matching semver range "${selector.semver}"`);
    }
    const r = refs.get(`refs/tags/${best}`)!;
    return { kind: "semver", ref: best, refName: r.name, oid: r.oid, isTag: true };
  }
  const branch = selector.branch ?? "main";
  const r = refs.get(`refs/heads/${branch}`);
  if (!r) throw notFound(`branch ${branch}`);
  return { kind: "branch", ref: branch, refName: r.name, oid: r.oid, isTag: false };
}

/** The tag name (prefix included) of the highest version under `prefix` satisfying `range`, if any (pure). */
export function highestTag(range: string, prefix: string, refs: RefMap | Iterable<string>): string | undefined {
  if (semver.validRange(range) === null) {
    throw inputError("E_REF_SEMVER", `"${range}" is not a semver range`, { range });
  }
  const versions = new Map<string, string>();
  for (const v of tagVersions(prefix, refs)) if (semver.satisfies(v.version, range)) versions.set(v.version, v.tag);
  const max = semver.rsort([...versions.keys()])[0];
  return max === undefined ? undefined : versions.get(max);
}

/** Every tag under `prefix` whose rest is a semver version (a leading "v" allowed), with that version (pure). */
export function tagVersions(prefix: string, refs: RefMap | Iterable<string>): { tag: string; version: string }[] {
  const names = refs instanceof Map ? [...refs.keys()] : [...refs];
  const out: { tag: string; version: string }[] = [];
  for (const full of names) {
    const tag = full.startsWith("refs/tags/") ? full.slice("refs/tags/".length) : full;
    if (!tag.startsWith(prefix)) continue;
    const rest = tag.slice(prefix.length);
    // Without a prefix, only top-level tags count: "host-a/v1.0.0" belongs to prefix "host-a/".
    if (rest.includes("/")) continue;
    const version = semver.valid(rest);
    if (version !== null && /^v?\d/.test(rest)) out.push({ tag, version });
  }
  return out;
}

/** `<ref>@sha1:<commit>` (pure). */
export function formatRevision(ref: string, commit: string): string {
  return `${ref}@sha1:${commit}`;
}

/** Splits a revision string; a bare hex id is accepted as a commit (pure). */
export function parseRevision(text: string): { ref?: string; commit: string } | undefined {
  const m = /^(?:(.+)@)?sha1:([0-9a-f]{4,40})$/.exec(text);
  if (m) return { ref: m[1], commit: m[2]! };
  if (/^[0-9a-f]{4,40}$/.test(text)) return { commit: text };
  return undefined;
}

function notFound(what: string) {
  return inputError("E_REF_NOT_FOUND", `${what} not found at the origin`, { what });
}
