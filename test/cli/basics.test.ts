// The command line's contract: --help everywhere, --version, exit statuses, colour rules.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { ROOT, soulsync } from "../helpers/cli.js";
import { validSoulFiles } from "../helpers/souls.js";
import { tmpDir, writeTree } from "../helpers/tmp.js";

function commandPaths(): string[][] {
  const help = soulsync(["--help"]).stdout;
  const section = help.split("Commands:")[1] ?? "";
  const names = [...section.matchAll(/^ {2}([a-z][a-z-]*)/gm)].map((m) => m[1]!).filter((n) => n !== "help");
  const paths: string[][] = [];
  for (const name of names) {
    paths.push([name]);
    const sub = soulsync([name, "--help"]).stdout.split("Commands:")[1] ?? "";
    for (const m of sub.matchAll(/^ {2}([a-z][a-z-]*)/gm)) if (m[1] !== "help") paths.push([name, m[1]!]);
  }
  return paths;
}

describe("soulsync command line", () => {
  it("prints its version", () => {
    const pkg = JSON.parse(readFileSync(`${ROOT}/package.json`, "utf8")) as { version: string };
    const r = soulsync(["--version"]);
    assert.equal(r.status, 0);
    assert.equal(r.stdout.trim(), pkg.version);
  });

  it("has --help on every command, exiting 0", () => {
    const paths = commandPaths();
    assert.ok(paths.some((p) => p[0] === "validate") && paths.some((p) => p[0] === "init"));
    for (const path of paths) {
      const r = soulsync([...path, "--help"]);
      assert.equal(r.status, 0, path.join(" "));
      assert.match(r.stdout, /^Usage: soulsync /m, path.join(" "));
    }
  });

  it("exits 2 on an unknown command or option, without a stack trace", () => {
    for (const args of [["frobnicate"], ["validate", "--no-such-flag"], ["validate", "--rev", "main"]]) {
      const r = soulsync(args);
      assert.equal(r.status, 2, args.join(" "));
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    }
  });

  it("exits 2 for an environment error (unreadable path) and shows a stack only with SOULSYNC_DEBUG=1", () => {
    const plain = soulsync(["validate", "/nonexistent/soul"]);
    assert.equal(plain.status, 2);
    assert.match(plain.stderr, /E_PATH/);
    assert.doesNotMatch(plain.stderr, /\n\s+at /);
    const debug = soulsync(["validate", "/nonexistent/soul"], { env: { SOULSYNC_DEBUG: "1" } });
    assert.equal(debug.status, 2);
    assert.match(debug.stderr, /\n\s+at /);
  });

  it("never colours output when NO_COLOR is set, even with FORCE_COLOR", () => {
    const files = validSoulFiles();
    delete files["SOUL.md"];
    const dir = writeTree(tmpDir(), files);
    const r = soulsync(["validate", dir], { env: { NO_COLOR: "1", FORCE_COLOR: "1" } });
    assert.equal(r.status, 1);
    assert.doesNotMatch(r.stdout + r.stderr, /\x1b\[/);
  });

  it("does not colour output that is not a terminal", () => {
    const files = validSoulFiles();
    delete files["SOUL.md"];
    const dir = writeTree(tmpDir(), files);
    const r = soulsync(["validate", dir], { env: { NO_COLOR: undefined } });
    assert.doesNotMatch(r.stdout + r.stderr, /\x1b\[/);
    const forced = soulsync(["validate", dir], { env: { NO_COLOR: undefined, FORCE_COLOR: "1" } });
    assert.match(forced.stdout, /\x1b\[/, "FORCE_COLOR turns colour on, so the check above can fail");
  });
});
