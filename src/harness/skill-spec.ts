// The Agent Skills rules every rendered SKILL.md must meet, from the specification
// (agentskills/agentskills docs/specification.mdx) and its reference validator
// (skills-ref/src/skills_ref/validator.py, parser.py): front matter first, a YAML mapping with only
// the spec's fields; `name` 1-64 lowercase letters, digits and single hyphens, equal to its folder
// (NFKC); `description` 1-1024 characters; `compatibility` at most 500; `metadata` string to string.
// No npm package of the reference validator exists (it is Python), so this is soulsync's own.
import { parse } from "yaml";
import { parseFlatYaml } from "../untrusted/yaml-flat.js";

const ALLOWED = new Set(["name", "description", "license", "allowed-tools", "metadata", "compatibility"]);

const memo = new Map<string, string[]>();

/** checkSkillSpec, remembered: every harness renders the same SKILL.md text. */
export function checkSkillSpecOnce(text: string, dir: string): string[] {
  const key = `${dir}\0${text}`;
  let hit = memo.get(key);
  if (!hit) {
    if (memo.size > 256) memo.clear();
    hit = checkSkillSpec(text, dir);
    memo.set(key, hit);
  }
  return hit;
}

/** Problems with `text` as the SKILL.md of folder `dir` (pure; empty when it conforms). */
export function checkSkillSpec(text: string, dir: string): string[] {
  if (!text.startsWith("---")) return ["SKILL.md must start with YAML front matter (---)"];
  const parts = text.split("---");
  if (parts.length < 3) return ["SKILL.md front matter is not closed with ---"];
  let data: unknown;
  try {
    // Flat front matter (the usual kind) reads the same without the full parser.
    data = parseFlatYaml(parts[1]!)?.value ?? parse(parts[1]!, { maxAliasCount: 0 });
  } catch (e) {
    return [`invalid YAML in front matter: ${(e as Error).message.split("\n")[0]}`];
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) return ["front matter must be a YAML mapping"];
  const fm = data as Record<string, unknown>;
  const errors: string[] = [];
  const extra = Object.keys(fm).filter((k) => !ALLOWED.has(k)).sort();
  if (extra.length > 0) errors.push(`unexpected front matter fields: ${extra.join(", ")}`);
  const name = typeof fm.name === "string" ? fm.name.trim().normalize("NFKC") : "";
  if (name === "") errors.push("name must be a non-empty string");
  else {
    if ([...name].length > 64) errors.push(`name "${name}" is longer than 64 characters`);
    if (!/^[\p{Ll}\p{Nd}]+(?:-[\p{Ll}\p{Nd}]+)*$/u.test(name)) errors.push(`name "${name}" must be lowercase letters and digits in single-hyphen-separated words`);
    if (dir.normalize("NFKC") !== name) errors.push(`folder "${dir}" must match name "${name}"`);
  }
  const description = typeof fm.description === "string" ? fm.description.trim() : "";
  if (description === "") errors.push("description must be a non-empty string");
  else if ([...description].length > 1024) errors.push("description is longer than 1,024 characters");
  if ("compatibility" in fm && (typeof fm.compatibility !== "string" || [...fm.compatibility].length > 500)) {
    errors.push("compatibility must be a string of at most 500 characters");
  }
  if ("metadata" in fm) {
    const m = fm.metadata;
    if (m === null || typeof m !== "object" || Array.isArray(m) || Object.values(m).some((v) => typeof v === "object" && v !== null)) {
      errors.push("metadata must map strings to strings");
    }
  }
  return errors;
}
