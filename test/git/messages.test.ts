// Commit messages that reach the scanner: the range since the last applied revision, or the new commit alone.
import assert from "node:assert/strict";
import { test } from "node:test";
import { readCommitMessages } from "../../src/git/messages.js";
import { tmpDir } from "../helpers/tmp.js";
import { soulRepo } from "./helpers/repo.js";

test("readCommitMessages reads the range, or the new commit when the old one is unknown", async () => {
  const repo = soulRepo(tmpDir(), "atlas");
  const c1 = repo.head();
  const c2 = repo.commit({ "SOUL.md": "# Soul\n\nTwo.\n" }, "second\n\nwith a body");
  const c3 = repo.commit({ "SOUL.md": "# Soul\n\nThree.\n" }, "third");
  const range = await readCommitMessages(repo.origin, c1, c3);
  assert.deepEqual(range.map((m) => m.path), [`commit:${c3}`, `commit:${c2}`]);
  assert.match(Buffer.from(range[1]!.data).toString(), /^second\n\nwith a body/);
  const first = await readCommitMessages(repo.origin, undefined, c3);
  assert.deepEqual(first.map((m) => m.path), [`commit:${c3}`]);
  const gone = await readCommitMessages(repo.origin, "f".repeat(40), c3);
  assert.deepEqual(gone.map((m) => m.path), [`commit:${c3}`]);
});
