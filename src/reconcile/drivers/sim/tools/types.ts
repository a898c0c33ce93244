// A simulated FreeBSD tool: argv in, exit status and output out, state changed in place.
import type { SimState } from "../state.js";

export interface ToolEnv {
  state: SimState;
  /** Directory standing for "/" (files such as /etc/pf.conf live under it). */
  root: string;
  /** The tool's standard input to its end (a prompt reads it); the sim has none and gives "". */
  readStdin(): string;
}

export interface ToolResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** True when the call changed the host (it is logged). */
  mutated?: boolean;
}

export type Tool = (args: string[], env: ToolEnv) => ToolResult;

export const ok = (stdout = "", mutated = false): ToolResult => ({ exitCode: 0, stdout, stderr: "", mutated });
export const fail = (stderr: string, exitCode = 1): ToolResult => ({ exitCode, stdout: "", stderr: stderr.endsWith("\n") ? stderr : `${stderr}\n` });

export const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
export const CIDR = /^(\d+\.\d+\.\d+\.\d+)\/(\d|[12]\d|3[0-2])$/;
