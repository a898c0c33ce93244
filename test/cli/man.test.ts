// The man pages under man/ are generated (scripts/man.mjs) from the command definitions and the
// bootstrap schema; this fails when a command, flag, exit status or bootstrap key changed and
// the committed pages were not regenerated with `npm run man`.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { bootstrapJsonSchema, manPages } from "../../src/cli/man/pages.js";
import { keysOf } from "../../src/cli/man/soulsync-yaml-5.js";
import { BOOTSTRAP_DOC } from "../../src/config/schema/bootstrap-doc.js";
import { ROOT } from "../helpers/cli.js";

test("man/soulsync.8 and man/soulsync.yaml.5 are what the definitions generate (npm run man)", () => {
  for (const [name, text] of Object.entries(manPages())) {
    const committed = readFileSync(join(ROOT, "man", name), "utf8");
    assert.ok(committed === text, `man/${name} is stale: run npm run man and commit the result`);
  }
});

test("every bootstrap key has a description for soulsync.yaml(5)", () => {
  for (const { path, node } of keysOf(bootstrapJsonSchema())) {
    assert.ok(BOOTSTRAP_DOC[path] ?? node.description, `bootstrap key ${path} has no line in src/config/schema/bootstrap-doc.ts`);
  }
});

test("the package installs both pages", () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { man: string[]; files: string[] };
  assert.deepEqual(pkg.man, ["./man/soulsync.8", "./man/soulsync.yaml.5"]);
  assert.ok(pkg.files.includes("man"));
});
