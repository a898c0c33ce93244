// The simulated FreeBSD tools by name, and one call that loads the state, runs a tool and saves it.
// Each tool follows the real tool's source and manual (named in its header); the sim driver and
// the fake tools tests put on PATH (test/reconcile/fake-bin) both run them.
import { loadSimState, rootOf, saveSimState } from "../state.js";
import { bastille } from "./bastille.js";
import { ifconfig } from "./ifconfig.js";
import { jls } from "./jls.js";
import { pfctl } from "./pfctl.js";
import { service } from "./service.js";
import { sysctl } from "./sysctl.js";
import { sysrc } from "./sysrc.js";
import type { Tool, ToolResult } from "./types.js";

export const TOOLS: Record<string, Tool> = { ifconfig, sysrc, sysctl, pfctl, bastille, jls, service };

/** Runs `argv` against the simulated host kept in `dir` (state.json + root/); `readStdin` is its input. */
export function runSimTool(dir: string, argv: readonly string[], readStdin: () => string = () => ""): ToolResult {
  const [name, ...args] = argv;
  const tool = name ? TOOLS[name] : undefined;
  if (!tool) return { exitCode: 127, stdout: "", stderr: `${name}: not found\n` };
  const state = loadSimState(dir);
  const result = tool(args, { state, root: rootOf(dir), readStdin });
  if (result.mutated) {
    state.log.push([...argv]);
    saveSimState(dir, state);
  }
  return result;
}
