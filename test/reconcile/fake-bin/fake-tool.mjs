#!/usr/bin/env node
// A fake FreeBSD tool for tests: runs the simulated tool named by argv[2] against the host kept in
// $FAKE_FREEBSD_DIR (state.json + root/), rejecting argv the real tool would reject. Every call is
// appended to $FAKE_FREEBSD_DIR/calls.log. Needs the build (dist/), which `npm test` makes first.
import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { runSimTool } from "../../../dist/reconcile/drivers/sim/tools/index.js";

const dir = process.env.FAKE_FREEBSD_DIR;
if (!dir) {
  process.stderr.write("FAKE_FREEBSD_DIR is not set\n");
  process.exit(70);
}
const argv = process.argv.slice(2);
appendFileSync(join(dir, "calls.log"), `${JSON.stringify(argv)}\n`);
const r = runSimTool(dir, argv);
process.stdout.write(r.stdout);
process.stderr.write(r.stderr);
process.exitCode = r.exitCode;
