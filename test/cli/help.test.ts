// Help that matches: every command's --help says what it does, its exit statuses and an example,
// without mid-sentence breaks or references the user does not have; docs/commands.md and the
// man page document exactly the flags the parser takes.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { manualOf } from "../../src/cli/help.js";
import { buildProgram } from "../../src/cli/main.js";
import { commandsOf, visibleOptions } from "../../src/cli/man/soulsync-8.js";
import { ROOT, soulsync } from "../helpers/cli.js";

const { program } = buildProgram();
const commands = commandsOf(program);
const flagsOf = (cmd: (typeof commands)[number]["cmd"]) => visibleOptions(cmd).map((o) => o.long!).sort();

describe("--help", () => {
  test("every command has a manual: exit statuses and at least one example naming it", () => {
    for (const { name, cmd } of commands) {
      const m = manualOf(cmd);
      assert.ok(m, `${name} has no manual()`);
      assert.ok(m.exit.some(([s]) => s === 0), `${name}: exit status 0 is described`);
      assert.ok(m.examples.length > 0, `${name}: an example`);
      const leaf = cmd.commands.length === 0;
      if (leaf) assert.ok(m.examples.every((e) => e.startsWith(`soulsync ${name}`)), `${name}: examples run this command`);
    }
  });

  test("descriptions are paragraphs: no line broken mid-sentence, no section numbers of a design the user lacks", () => {
    for (const { name, cmd } of [{ name: "soulsync", cmd: program }, ...commands]) {
      const d = cmd.description();
      assert.doesNotMatch(d, /[^.:;\n]\n[^\n]/, `${name}: a hard line break inside a sentence`);
      assert.doesNotMatch(d, /DESIGN|§/, `${name}: cites the design document`);
      for (const o of visibleOptions(cmd)) assert.doesNotMatch(o.description, /\n|DESIGN|§/, `${name} ${o.long}`);
    }
  });

  test("every command's help text shows its Exit status and Examples", () => {
    for (const { name, cmd } of commands) {
      const text = cmd.helpInformation();
      assert.match(text, /\nExit status:\n {2}0 {2}/, name);
      assert.match(text, /\nExamples:\n {2}soulsync /, name);
    }
  });

  test("the built CLI prints them too (a top-level and a nested command)", () => {
    for (const args of [["sync", "--help"], ["help", "brain", "import"]]) {
      const r = soulsync(args);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /\nExit status:\n {2}0 {2}/, args.join(" "));
      assert.match(r.stdout, /\nExamples:\n {2}soulsync /, args.join(" "));
    }
  });
});

describe("documented flags equal the parser's", () => {
  test("docs/commands.md: each command's section lists exactly its flags", () => {
    const md = readFileSync(join(ROOT, "docs/commands.md"), "utf8");
    for (const { name, cmd } of commands) {
      const start = md.indexOf(`\n## soulsync ${name}\n`);
      assert.ok(start >= 0, `docs/commands.md has no "## soulsync ${name}" section`);
      const end = md.indexOf("\n## ", start + 1);
      const section = md.slice(start, end < 0 ? undefined : end);
      const documented = [...new Set([...section.matchAll(/^\| `(?:-\w, )?(--[a-z][a-z-]*)/gm)].map((m) => m[1]!))].sort();
      assert.deepEqual(documented, flagsOf(cmd), `soulsync ${name}: flags in docs/commands.md vs the parser`);
    }
  });

  test("man/soulsync.8: each command's section lists exactly its flags", () => {
    const man = readFileSync(join(ROOT, "man/soulsync.8"), "utf8");
    const sections = man.split(/^\.SS /m).slice(1);
    for (const { name, cmd } of commands) {
      const usage = `\\fBsoulsync ${name.replace(/-/g, "\\-")} `;
      const section = sections.find((s) => s.startsWith(usage) || s.startsWith(`${usage.trimEnd()}\\fR`));
      assert.ok(section, `man page has no section for soulsync ${name}`);
      const body = section.split(/^\.SH /m)[0]!;
      const documented = [...body.matchAll(/^\.TP\n(?:\\fB\\-\w\\fR, )?\\fB(\\-\\-[-a-z\\]+)\\fR/gm)].map((m) => m[1]!.replace(/\\-/g, "-")).sort();
      assert.deepEqual(documented, flagsOf(cmd), `soulsync ${name}: flags in the man page vs the parser`);
    }
  });
});
