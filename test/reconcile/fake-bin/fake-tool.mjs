#!/usr/bin/env node
// A fake FreeBSD tool for tests: runs the tool model named by argv[2] (src/reconcile/drivers/sim/tools,
// each written after the real tool's source, named in its header) against the host kept in
// $FAKE_FREEBSD_DIR (state.json + root/). Its stdin is this process's stdin, read to the end only
// when the tool prompts, so an open stdin hangs here as it would on the real host. Every call is
// appended to $FAKE_FREEBSD_DIR/calls.log. Needs the build (dist/), which `npm test` makes first.
import { appendFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runSimTool } from "../../../dist/reconcile/drivers/sim/tools/index.js";

const dir = process.env.FAKE_FREEBSD_DIR;
if (!dir) {
  process.stderr.write("FAKE_FREEBSD_DIR is not set\n");
  process.exit(70);
}
const argv = process.argv.slice(2);
appendFileSync(join(dir, "calls.log"), `${JSON.stringify(argv)}\n`);
const r = runSimTool(dir, argv, () => readFileSync(0, "utf8"));
process.stdout.write(r.stdout);
process.stderr.write(r.stderr);
process.exitCode = r.exitCode;
