// Render → observe → plan → apply against a real temporary home directory.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { applyHarnesses, type RenderMode } from "../../src/harness/apply-harnesses.js";
import { sha256 } from "../../src/harness/hash.js";
import { harnessPaths } from "../../src/harness/paths.js";
import type { Soul } from "../../src/soul/model.js";
import { HARNESSES, type HarnessName } from "../../src/soul/schema/names.js";
import { tmpDir } from "../helpers/tmp.js";
import { ORIGIN, soulFiles, soulFrom } from "./helpers.js";

const run = (soul: Soul, home: string, mode: RenderMode = "apply", o: { force?: boolean; harnesses?: HarnessName[]; revision?: string } = {}) =>
  applyHarnesses({
    soul,
    harnesses: o.harnesses ?? HARNESSES,
    paths: harnessPaths(home),
    origin: { ...ORIGIN, revision: o.revision ?? ORIGIN.revision },
    mode,
    force: o.force,
  });

const errors = (r: Awaited<ReturnType<typeof run>>) =>
  r.problems
    .filter((p) => p.severity === "error")
    .map((p) => [p.file, p.code])
    .sort(([a], [b]) => (a! < b! ? -1 : 1));

/** Every file under `dir`, relative, sorted. */
function tree(dir: string, prefix = ""): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? tree(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

const SCRIPT = { "skills/daily-summary/scripts/collect.sh": "#!/bin/sh\necho done\n" };

describe("applyHarnesses", () => {
  it("writes every harness, then finds nothing to do (apply and --check)", async () => {
    const home = tmpDir();
    const soul = await soulFrom(soulFiles({}, SCRIPT));
    const first = await run(soul, home);
    assert.deepEqual(errors(first), []);
    assert.ok(first.applied.length > 15);
    assert.ok(existsSync(join(home, ".soulsync-render.json")));
    assert.ok(existsSync(join(home, ".colibri/colibri.sqlite")));
    const before = tree(home).map((f) => [f, readFileSync(join(home, f)).toString("base64")]);
    const again = await run(soul, home);
    assert.deepEqual(again.plan?.actions, []);
    assert.deepEqual(tree(home).map((f) => [f, readFileSync(join(home, f)).toString("base64")]), before, "byte-identical");
    const check = await run(soul, home, "check");
    assert.deepEqual(check.plan?.actions, []);
  });

  it("copies skills as real files and keeps a script's executable bit", async () => {
    const home = tmpDir();
    const soul = await soulFrom(soulFiles({}, SCRIPT));
    // The tree reader records the mode, so make the fixture script executable on disk first.
    assert.ok(soul.skills[0]!.files.some((f) => f.path.endsWith("collect.sh")));
    soul.skills[0]!.files.find((f) => f.path.endsWith("collect.sh"))!.executable = true;
    await run(soul, home);
    for (const dir of [".pi/agent", ".hermes", ".claude", ".openclaw/workspace"]) {
      const script = join(home, dir, "skills/daily-summary/scripts/collect.sh");
      const st = statSync(script, { throwIfNoEntry: true });
      assert.ok(st.isFile() && !st.isSymbolicLink(), script);
      assert.equal(st.mode & 0o111, 0o111, script);
      assert.equal(readFileSync(script, "utf8"), "#!/bin/sh\necho done\n", "copied byte for byte");
    }
  });

  it("--check and --dry-run see missing and stale output but change nothing", async () => {
    const home = tmpDir();
    const soul = await soulFrom(soulFiles());
    const dry = await run(soul, home, "dry-run");
    assert.ok(dry.plan!.actions.every((a) => a.kind !== "file.write" || a.reason === "missing"));
    assert.deepEqual(tree(home), []);
    await run(soul, home);
    const check = await run(soul, home, "check", { revision: "v1.5.0@sha1:2222222222222222222222222222222222222222" });
    assert.ok(check.plan!.actions.length > 0);
    assert.ok(check.plan!.actions.every((a) => (a.kind === "file.write" && a.reason === "stale") || a.kind === "colibri.upsert"));
  });

  it("removes its own stale files when a skill leaves the soul, and the folders they leave empty", async () => {
    const home = tmpDir();
    await run(await soulFrom(soulFiles({}, SCRIPT)), home);
    const without = soulFiles();
    delete without["skills/daily-summary/SKILL.md"];
    const r = await run(await soulFrom(without), home);
    assert.deepEqual(errors(r), []);
    const removed = r.applied.filter((a) => a.kind === "file.remove").map((a) => a.path);
    assert.equal(removed.length, 10, removed.join(" "));
    assert.ok(r.applied.some((a) => a.kind === "colibri.delete" && a.name === "daily-summary"));
    assert.deepEqual(tree(home).filter((f) => f.includes("skills")), []);
    assert.ok(!existsSync(join(home, ".pi/agent/skills/daily-summary")), "empty folder pruned");
    assert.ok(existsSync(join(home, ".pi/agent")), "harness home kept");
    const m = JSON.parse(readFileSync(join(home, ".soulsync-render.json"), "utf8")) as { files: Record<string, unknown> };
    assert.ok(Object.keys(m.files).every((k) => !k.includes("skills")));
  });

  it("never overwrites a file it did not write, and changes nothing at all then", async () => {
    const home = tmpDir();
    mkdirSync(join(home, ".codex"), { recursive: true });
    writeFileSync(join(home, ".codex/AGENTS.md"), "# My own rules\n");
    const r = await run(await soulFrom(soulFiles()), home);
    assert.deepEqual(errors(r), [[".codex/AGENTS.md", "E_RENDER_FOREIGN"]]);
    assert.deepEqual(r.applied, []);
    assert.deepEqual(tree(home), [".codex/AGENTS.md"]);
    assert.equal(readFileSync(join(home, ".codex/AGENTS.md"), "utf8"), "# My own rules\n");
  });

  it("with --force, backs the foreign file up first", async () => {
    const home = tmpDir();
    mkdirSync(join(home, ".codex"), { recursive: true });
    writeFileSync(join(home, ".codex/AGENTS.md"), "# My own rules\n");
    const r = await run(await soulFrom(soulFiles()), home, "apply", { force: true });
    assert.deepEqual(errors(r), []);
    const write = r.applied.find((a) => a.kind === "file.write" && a.path === ".codex/AGENTS.md");
    assert.ok(write && write.kind === "file.write" && write.reason === "foreign" && write.backup);
    assert.equal(readFileSync(join(home, write.backup), "utf8"), "# My own rules\n");
    assert.match(readFileSync(join(home, ".codex/AGENTS.md"), "utf8"), /^Provenance: /);
  });

  it("treats a generated file changed since as someone else's, also when it goes stale", async () => {
    const home = tmpDir();
    await run(await soulFrom(soulFiles()), home);
    writeFileSync(join(home, ".pi/agent/APPEND_SYSTEM.md"), "hand edit\n");
    writeFileSync(join(home, ".claude/skills/daily-summary/SKILL.md"), "hand edit\n");
    const without = soulFiles();
    delete without["skills/daily-summary/SKILL.md"];
    const r = await run(await soulFrom(without), home);
    assert.deepEqual(errors(r), [
      [".claude/skills/daily-summary/SKILL.md", "E_RENDER_MODIFIED"],
      [".pi/agent/APPEND_SYSTEM.md", "E_RENDER_MODIFIED"],
    ]);
    assert.deepEqual(r.applied, []);
    assert.equal(readFileSync(join(home, ".pi/agent/APPEND_SYSTEM.md"), "utf8"), "hand edit\n");
  });

  it("adopts a file that is already exactly what it would write", async () => {
    const home = tmpDir();
    const soul = await soulFrom(soulFiles());
    await run(soul, home);
    const text = readFileSync(join(home, ".codex/AGENTS.md"));
    const other = tmpDir();
    mkdirSync(join(other, ".codex"), { recursive: true });
    writeFileSync(join(other, ".codex/AGENTS.md"), text);
    const r = await run(soul, other);
    assert.deepEqual(errors(r), []);
    assert.ok(r.applied.some((a) => a.kind === "file.adopt" && a.path === ".codex/AGENTS.md"));
  });

  it("removes a harness's files once the manifest turns it off", async () => {
    const home = tmpDir();
    await run(await soulFrom(soulFiles()), home);
    const r = await run(await soulFrom(soulFiles({ adapters: { codex: { enabled: true } } })), home);
    assert.deepEqual(errors(r), []);
    assert.ok(r.applied.some((a) => a.kind === "file.remove" && a.reason === "disabled"));
    assert.deepEqual(
      tree(home).filter((f) => !f.startsWith(".colibri")),
      [".codex/AGENTS.md", ".codex/skills/daily-summary/SKILL.md", ".soulsync-render.json"],
    );
  });

  it("rendering one harness leaves the others' files alone", async () => {
    const home = tmpDir();
    await run(await soulFrom(soulFiles()), home);
    const r = await run(await soulFrom(soulFiles({}, { "SOUL.md": "# Atlas\n\nNew voice.\n" })), home, "apply", { harnesses: ["codex"] });
    assert.deepEqual(r.applied.map((a) => ("path" in a ? a.path : a.name)), [".codex/AGENTS.md"]);
    assert.doesNotMatch(readFileSync(join(home, ".pi/agent/APPEND_SYSTEM.md"), "utf8"), /New voice/);
  });

  it("refuses to take over another agent's home without --force", async () => {
    const home = tmpDir();
    await run(await soulFrom(soulFiles()), home);
    const other = await soulFrom(soulFiles({ agent_id: "mevy", display_name: "Mevy" }));
    assert.deepEqual(errors(await run(other, home)), [[".soulsync-render.json", "E_RENDER_OTHER_AGENT"]]);
  });

  it("never writes through a symlinked folder it did not make, even with --force", async () => {
    const home = tmpDir();
    const elsewhere = tmpDir();
    symlinkSync(elsewhere, join(home, ".claude"));
    const r = await run(await soulFrom(soulFiles()), home, "apply", { force: true });
    assert.ok(errors(r).length > 0);
    assert.ok(errors(r).every(([file, code]) => file!.startsWith(".claude/") && code === "E_RENDER_SYMLINK"));
    assert.deepEqual(tree(elsewhere), []);
  });

  it("never acts on manifest entries outside the harness homes", async () => {
    const home = tmpDir();
    const soul = await soulFrom(soulFiles());
    await run(soul, home);
    const victim = join(tmpDir(), "precious.txt");
    writeFileSync(victim, "keep me\n");
    const m = JSON.parse(readFileSync(join(home, ".soulsync-render.json"), "utf8")) as { files: Record<string, unknown> };
    m.files[victim] = { harness: "codex", sha256: sha256("keep me\n"), executable: false, revision: "x", sources: [] };
    m.files[".codex/../../precious.txt"] = { harness: "codex", sha256: sha256("keep me\n"), executable: false, revision: "x", sources: [] };
    writeFileSync(join(home, ".soulsync-render.json"), JSON.stringify(m));
    const r = await run(soul, home);
    assert.deepEqual(errors(r), []);
    assert.equal(readFileSync(victim, "utf8"), "keep me\n");
    assert.deepEqual(
      r.problems.filter((p) => p.code === "W_RENDER_MANIFEST_OUTSIDE").length,
      2,
    );
  });

  it("warns when Codex would read AGENTS.override.md instead", async () => {
    const home = tmpDir();
    mkdirSync(join(home, ".codex"));
    writeFileSync(join(home, ".codex/AGENTS.override.md"), "# temporary\n");
    const r = await run(await soulFrom(soulFiles()), home, "dry-run", { harnesses: ["codex"] });
    assert.deepEqual(r.problems.map((p) => [p.file, p.code]), [[".codex/AGENTS.override.md", "W_CODEX_OVERRIDE"]]);
  });

  it("records what it wrote when a write fails part-way, so the next run goes on cleanly", async () => {
    const home = tmpDir();
    writeFileSync(join(home, ".openclaw"), "a file where a folder must be\n");
    const soul = await soulFrom(soulFiles());
    await assert.rejects(run(soul, home), (e: Error & { code?: string }) => e.code === "E_RENDER_WRITE" && /\.openclaw\/workspace\/AGENTS\.md/.test(e.message));
    const m = JSON.parse(readFileSync(join(home, ".soulsync-render.json"), "utf8")) as { files: Record<string, unknown> };
    assert.ok(m.files[".codex/AGENTS.md"], "written before the failure and recorded");
    assert.equal(m.files[".pi/agent/AGENTS.md"], undefined, "not reached");
    rmSync(join(home, ".openclaw"));
    const r = await run(soul, home);
    assert.deepEqual(errors(r), []);
    assert.ok(r.applied.every((a) => a.kind !== "file.write" || a.reason === "missing"));
    assert.ok(!r.applied.some((a) => "path" in a && a.path === ".codex/AGENTS.md"));
  });

  it("keeps the entries Hermes added to its USER.md when it renders again", async () => {
    const home = tmpDir();
    const open = { privacy: { user_context: "all", memories: "curated", skills: "all" } };
    await run(await soulFrom(soulFiles(open, { "USER.md": "# Operator\n\nMatej.\n" })), home, "apply", { harnesses: ["hermes"] });
    const file = join(home, ".hermes/memories/USER.md");
    // What Hermes' memory tool does on `add`: append an entry, no final newline.
    writeFileSync(file, `${readFileSync(file, "utf8")}\n§\nLikes tea in the morning.`);
    const same = await run(await soulFrom(soulFiles(open, { "USER.md": "# Operator\n\nMatej.\n" })), home, "check", { harnesses: ["hermes"] });
    assert.deepEqual(same.plan?.actions, [], "Hermes' own entry is not a conflict and not stale");
    const r = await run(await soulFrom(soulFiles(open, { "USER.md": "# Operator\n\nMatej Novak.\n" })), home, "apply", { harnesses: ["hermes"] });
    assert.deepEqual(errors(r), []);
    assert.deepEqual(r.applied.map((a) => (a.kind === "file.write" ? [a.path, a.reason, a.keep] : [])), [[".hermes/memories/USER.md", "merged", ["Likes tea in the morning."]]]);
    const entries = readFileSync(file, "utf8").split("\n§\n");
    assert.deepEqual(entries, ["# Operator\n\nMatej Novak.", "Likes tea in the morning."]);
    writeFileSync(file, `${readFileSync(file, "utf8")}\n§\n${"Long note. ".repeat(140)}`);
    const over = await run(await soulFrom(soulFiles(open, { "USER.md": "# Operator\n\nMatej.\n" })), home, "apply", { harnesses: ["hermes"] });
    assert.deepEqual(errors(over), [[".hermes/memories/USER.md", "E_RENDER_BUDGET"]]);
    assert.match(over.problems[0]!.message, /with the 2 entries Hermes added since/);
    const closed = await run(await soulFrom(soulFiles({ privacy: { user_context: "none", memories: "curated", skills: "all" } })), home, "apply", { harnesses: ["hermes"] });
    assert.deepEqual(errors(closed), []);
    assert.equal(readFileSync(file, "utf8").split("\n§\n")[0], "Likes tea in the morning.", "Hermes' entries stay, soulsync's go");
    const m = JSON.parse(readFileSync(join(home, ".soulsync-render.json"), "utf8")) as { files: Record<string, unknown> };
    assert.equal(m.files[".hermes/memories/USER.md"], undefined, "the file is Hermes' now");
  });
});
