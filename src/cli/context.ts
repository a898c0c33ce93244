// What every command action receives: output, and a wrapper that turns errors into exit statuses.
import { reportError } from "./exit.js";
import type { Output } from "./output.js";

export interface CliContext {
  o: Output;
  /** Set by `action`; read by main() once commander returns. */
  exitCode: number;
  /** Runs a command body; its return value (0 or 1) or its error decides the exit status. */
  action(json: boolean, body: () => Promise<number>): Promise<void>;
}

export function createContext(o: Output): CliContext {
  const ctx: CliContext = {
    o,
    exitCode: 0,
    async action(json, body) {
      try {
        ctx.exitCode = await body();
      } catch (e) {
        ctx.exitCode = reportError(o, e, json);
      }
    },
  };
  return ctx;
}
