// Render is crash-consistent: a SIGKILL at any point of a render (after any file, or just before
// the manifest) leaves a home the next render completes — even of another revision, and without
// --force — ending exactly where a render that was never interrupted ends.
import assert from "node:assert/strict";
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, test } from "node:test";
import { ROOT, soulsync } from "../helpers/cli.js";
import { killAt } from "../helpers/pause-kill.js";
import { tmpDir } from "../helpers/tmp.js";

/** Every file under `dir` (relative path → content). */
function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p, "utf8"));
    }
  };
  walk(dir);
  return out;
}

/** A copy of the atlas example soul with SOUL.md and one skill changed, and `drop` skill removed. */
function soulVariant(root: string, name: string, drop?: string): string {
  const dir = join(root, name);
  cpSync(join(ROOT, "examples/souls/atlas"), dir, { recursive: true });
  writeFileSync(join(dir, "SOUL.md"), `${readFileSync(join(dir, "SOUL.md"), "utf8")}\nRevision ${name}.\n`);
  const skill = join(dir, "skills/pf-change/SKILL.md");
  writeFileSync(skill, `${readFileSync(skill, "utf8")}\nRevision ${name}.\n`);
  if (drop) rmSync(join(dir, "skills", drop), { recursive: true });
  return dir;
}

const render = (soul: string, out: string, rev: string, extra: string[] = []) =>
  ["render", "--soul", soul, "--harness", "pi,hermes,codex,claude-code,openclaw", "--out", out, "--revision", rev, ...extra];

describe("render killed part-way", () => {
  const root = tmpDir("soulsync-crash-");
  const a = soulVariant(root, "a");
  const b = soulVariant(root, "b", "jail-maintenance");
  const c = soulVariant(root, "c", "jail-maintenance");
  // The reference: C rendered over A with no interruption.
  const clean = join(root, "clean");
  assert.equal(soulsync(render(a, clean, "main@sha1:aaaa")).status, 0);
  const ref = soulsync(render(c, clean, "main@sha1:cccc"));
  assert.equal(ref.status, 0, ref.stderr);
  const expected = tree(clean);

  for (const at of ["render.file#1", "render.file#20", "render.manifest"]) {
    test(`SIGKILL at ${at} while rendering B over A, then C renders without --force`, async () => {
      const home = join(root, `home-${at.replace(/\W/g, "_")}`);
      assert.equal(soulsync(render(a, home, "main@sha1:aaaa")).status, 0);
      const killed = await killAt(render(b, home, "main@sha1:bbbb"), at);
      assert.ok(killed.paused, `the render reached ${at}: ${killed.stderr}`);
      assert.equal(killed.signal, "SIGKILL");

      const next = soulsync(render(c, home, "main@sha1:cccc"));
      assert.equal(next.status, 0, `${next.stdout}${next.stderr}`);
      assert.doesNotMatch(next.stdout + next.stderr, /E_RENDER_MODIFIED|E_RENDER_FOREIGN/);
      assert.deepEqual(tree(home), expected, "the same home as a render that was never interrupted");
      const check = soulsync(render(c, home, "main@sha1:cccc", ["--check"]));
      assert.equal(check.status, 0, check.stdout);
    });
  }

  test("SIGKILL after some files, then the same revision again: completed, nothing left over", async () => {
    const home = join(root, "home-same");
    assert.equal(soulsync(render(a, home, "main@sha1:aaaa")).status, 0);
    assert.ok((await killAt(render(c, home, "main@sha1:cccc"), "render.file#5")).paused);
    assert.ok(readdirSync(home).includes(".soulsync-render.journal.json"), "the journal is what the killed render left");
    const next = soulsync(render(c, home, "main@sha1:cccc"));
    assert.equal(next.status, 0, next.stderr);
    assert.deepEqual(tree(home), expected);
  });
});
