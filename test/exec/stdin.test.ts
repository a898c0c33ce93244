// The process runner gives every command a closed standard input: a prompt reads EOF at once
// instead of hanging, and `input` still reaches the command when given.
import assert from "node:assert/strict";
import { test } from "node:test";
import { run } from "../../src/exec/run.js";

test("a command that reads stdin gets EOF, not a hang", async () => {
  // `read` returns non-zero at end of file; with an open pipe it would wait for the 5 s timeout.
  const r = await run(["sh", "-c", 'if read answer; then echo "got $answer"; else echo eof; fi'], { timeout: 5000 });
  assert.equal(r.stdout, "eof");
});

test("a Bastille-style confirmation prompt is answered by nothing and fails fast", async () => {
  const prompt = 'printf "Are you sure you want to continue? [y|n]:"; read answer; case "$answer" in [Yy]) exit 0;; *) echo "[ERROR]: Invalid input. Please answer \'y\' or \'n\'." >&2; exit 1;; esac';
  const r = await run(["sh", "-c", prompt], { reject: false, timeout: 5000 });
  assert.equal(r.exitCode, 1);
  assert.match(r.stderr, /Invalid input/);
});

test("input, when given, is the command's stdin", async () => {
  const r = await run(["sh", "-c", "read answer; echo $answer"], { input: "y\n" });
  assert.equal(r.stdout, "y");
});
