// The generated-files manifest, <out>/.soulsync-render.json: every file and Colibri row soulsync
// wrote, with its hash. It is how a re-render tells its own stale output (remove it) from a file
// someone else wrote (never touch it without --force). Serialised with sorted keys, no timestamps.
import { isAbsolute, join, relative } from "node:path";
import * as z from "zod";
import { inputError } from "../core/errors.js";
import { harnessName } from "../soul/schema/names.js";

export const RENDER_MANIFEST_NAME = ".soulsync-render.json";
export const RENDER_MANIFEST_SCHEMA = "soulsync.render.v1";

const fileEntry = z.object({
  harness: harnessName,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  executable: z.boolean(),
  revision: z.string(),
  sources: z.array(z.string()),
  /** sha256 of each entry soulsync rendered into an entry file (Hermes memories/USER.md). */
  entries: z.array(z.string()).optional(),
});
export type ManifestFile = z.infer<typeof fileEntry>;

const colibriEntry = z.object({ sha256: z.string(), revision: z.string(), source: z.string().optional() });
export type ManifestColibriSkill = z.infer<typeof colibriEntry>;

const manifestSchema = z.object({
  schema: z.literal(RENDER_MANIFEST_SCHEMA),
  agent: z.string(),
  /** Keys: paths relative to --out (forward slashes), or absolute when outside it. */
  files: z.record(z.string(), fileEntry),
  colibri: z
    .object({
      db: z.string(),
      skills: z.record(z.string(), colibriEntry),
      /** sha256 of the database file as soulsync last wrote it, and the rows it did not own then: while the file is unchanged, a render need not open it. */
      dbSha256: z.string().optional(),
      others: z.array(z.string()).optional(),
    })
    .optional(),
  /**
   * The harness versions the last render was made for, and where each came from; a detected one
   * names the binary that answered, so the next render asks it again only once it is replaced.
   */
  versions: z
    .partialRecord(
      harnessName,
      z.object({
        version: z.string().nullable(),
        from: z.enum(["host.yaml", "flag", "detected", "assumed"]),
        binary: z.object({ path: z.string(), id: z.string() }).optional(),
      }),
    )
    .optional(),
});
export type RenderManifest = z.infer<typeof manifestSchema>;

export const emptyManifest = (agent: string): RenderManifest => ({ schema: RENDER_MANIFEST_SCHEMA, agent, files: {} });

/** Manifest key of an absolute path. */
export function manifestKey(home: string, abs: string): string {
  const rel = relative(home, abs);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel.split("\\").join("/") : abs;
}

/** Absolute path of a manifest key. */
export function manifestPath(home: string, key: string): string {
  return isAbsolute(key) ? key : join(home, ...key.split("/"));
}

/** Parses the manifest text; a broken one is an error naming the file (never silently reset). */
export function parseRenderManifest(text: string, file: string): RenderManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw inputError("E_RENDER_MANIFEST", `${file}: not valid JSON (${(e as Error).message}); move it away to start over`, { file });
  }
  const r = manifestSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw inputError("E_RENDER_MANIFEST", `${file}: ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}`, { file });
  }
  return r.data;
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value !== null && typeof value === "object") {
    const o = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(o)
        .sort()
        .filter((k) => o[k] !== undefined)
        .map((k) => [k, sorted(o[k])]),
    );
  }
  return value;
}

/** Stable text: sorted keys, two-space indent, final newline. */
export function serializeRenderManifest(m: RenderManifest): string {
  return `${JSON.stringify(sorted(m), null, 2)}\n`;
}
