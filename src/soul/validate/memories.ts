// memories/curated/*.md: reviewed memories with front matter; nothing else under memories/.
import { errorAt, type Problem } from "../../core/problem.js";
import type { MemoryDoc } from "../model.js";
import { memoryFrontMatterSchema } from "../schema/memory.js";
import type { SoulTree } from "../tree/types.js";
import { checkMarkdown } from "./markdown.js";

const CURATED = "memories/curated/";

export function checkMemories(tree: SoulTree, texts: Map<string, string>): { memories: MemoryDoc[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const memories: MemoryDoc[] = [];
  const ids = new Map<string, string>();
  for (const e of tree.entries) {
    if (!e.path.startsWith("memories/") || e.type === "dir") continue;
    const rest = e.path.slice(CURATED.length);
    if (!e.path.startsWith(CURATED) || rest.includes("/") || !rest.endsWith(".md")) {
      problems.push(
        errorAt(e.path, "E_MEMORY_LAYOUT", "only reviewed memories as memories/curated/<name>.md belong in a soul repo"),
      );
      continue;
    }
    if (e.type !== "file") continue;
    const text = texts.get(e.path);
    if (text === undefined) continue;
    const checked = checkMarkdown(e.path, text, memoryFrontMatterSchema, "E_MEMORY_SCHEMA");
    problems.push(...checked.problems);
    if (!checked.data) continue;
    const id = checked.data.id ?? rest.slice(0, -3);
    const other = ids.get(id);
    if (other) {
      problems.push(errorAt(e.path, "E_MEMORY_DUPLICATE", `memory id "${id}" is also used by ${other}`));
      continue;
    }
    ids.set(id, e.path);
    memories.push({ id, path: e.path, frontMatter: checked.data, body: checked.body });
  }
  return { memories, problems };
}
