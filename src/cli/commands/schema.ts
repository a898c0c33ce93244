// soulsync schema [--out DIR] [--check]: the JSON Schemas in soul-schema/.
import type { Command } from "commander";
import type { CliContext } from "../context.js";
import { EXIT_FAILED, EXIT_OK } from "../exit.js";
import { manual } from "../help.js";

interface SchemaOptions {
  out: string;
  check?: boolean;
  json?: boolean;
}

export function registerSchema(program: Command, ctx: CliContext): void {
  manual(program.command("schema"), {
    exit: [
      [0, "the files were written, or are up to date"],
      [1, "--check found stale files"],
      [2, "the directory cannot be written"],
    ],
    examples: ["soulsync schema", "soulsync schema --check"],
  })
    .summary("write the JSON Schemas for manifest.json and front matter")
    .description("Write JSON Schema (2020-12) files for manifest.json, SKILL.md front matter and curated memory front matter, generated from the zod schemas the validator uses, so an editor can check a manifest. With --check, change nothing and fail when the files are stale (for CI).")
    .option("--out <dir>", "directory to write", "soul-schema")
    .option("--check", "exit 1 when the files in --out differ from what the code generates")
    .option("--json", "print {ok, stale} as JSON")
    .action((opts: SchemaOptions) =>
      ctx.action(Boolean(opts.json), async () => {
        const { mkdir, readFile, writeFile } = await import("node:fs/promises");
        const { soulJsonSchemas, serializeSchema } = await import("../../soul/schema/json-schema.js");
        const stale: string[] = [];
        for (const [name, schema] of Object.entries(soulJsonSchemas())) {
          const path = `${opts.out}/${name}`;
          const text = serializeSchema(schema);
          const current = await readFile(path, "utf8").catch(() => undefined);
          if (current === text) continue;
          stale.push(path);
          if (!opts.check) {
            await mkdir(opts.out, { recursive: true });
            await writeFile(path, text);
          }
        }
        if (opts.json) ctx.o.json({ ok: !opts.check || stale.length === 0, stale });
        else for (const p of stale) ctx.o.out(opts.check ? `${p}: stale (run soulsync schema)` : `wrote ${p}`);
        return opts.check && stale.length > 0 ? EXIT_FAILED : EXIT_OK;
      }),
    );
}
