// The steps every file-based renderer shares: apply the adapter, add provenance, copy skills.
import { join } from "node:path";
import type { Problem } from "../../core/problem.js";
import type { Soul } from "../../soul/model.js";
import type { HarnessName } from "../../soul/schema/names.js";
import { applyAdapter, type Doc } from "../compose.js";
import { skillsFor } from "../privacy.js";
import { withProvenance } from "../provenance.js";
import { renderSkills } from "../skills.js";
import type { HarnessRender, RenderContext, RenderedFile } from "../types.js";

const encoder = new TextEncoder();

export interface Layout {
  /** Directory the documents are named relative to. */
  dir: string;
  /** Document names the adapter may target, in output order. */
  files: readonly string[];
  /** The adapter's default target. */
  primary: string;
  /** Where skills go, or undefined when this harness takes none. */
  skillsDir: string | undefined;
}

/** A document as a file with its provenance line. */
export function docFile(harness: HarnessName, dir: string, doc: Doc, ctx: RenderContext, text?: string): RenderedFile {
  return {
    harness,
    path: join(dir, ...doc.name.split("/")),
    content: encoder.encode(text ?? withProvenance(ctx.origin, doc.sources, doc.body)),
    executable: false,
    sources: doc.sources,
  };
}

/** Adapter applied to the documents; skills allowed by the manifest copied. */
export function compose(
  harness: HarnessName,
  soul: Soul,
  ctx: RenderContext,
  docs: Array<Doc | undefined>,
  layout: Layout,
): { docs: Doc[]; skills: RenderedFile[]; problems: Problem[] } {
  const present = docs.filter((d): d is Doc => d !== undefined);
  const adapted = applyAdapter(soul, harness, present, layout.files, layout.primary);
  const problems = [...adapted.problems];
  let skills: RenderedFile[] = [];
  if (layout.skillsDir) {
    const r = renderSkills(harness, skillsFor(soul.manifest, harness, soul.skills), layout.skillsDir, ctx.origin);
    skills = r.files;
    problems.push(...r.problems);
  }
  return { docs: adapted.docs, skills, problems };
}

/** The usual result: documents as files plus skills. */
export function result(harness: HarnessName, files: RenderedFile[], problems: Problem[]): HarnessRender {
  return { harness, enabled: true, files, colibri: [], problems };
}
