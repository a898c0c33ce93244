// pf (pure): write the managed file when it differs, check, then load — never `service pf restart`.
// The applier restores the previous file when the check or the load fails.
import type { Action } from "../actions.js";
import type { PfHave } from "../observe/types.js";
import type { Want } from "../want.js";

/** Actions, and warnings when pf.conf does not reference the file or anchor. */
export function planPf(want: Want["pf"], have: PfHave): { actions: Action[]; warnings: string[] } {
  const warnings: string[] = [];
  const f = want.file;
  if (have.conf !== undefined) {
    if (want.mode === "include" && !have.conf.includes(`include "${f.path}"`)) {
      warnings.push(`${want.conf} does not include "${f.path}": add the line include "${f.path}" between its nat and filter rules`);
    }
    if (want.mode === "anchor" && !(have.conf.includes(`nat-anchor "${want.anchor}"`) && have.conf.includes(`anchor "${want.anchor}"`))) {
      warnings.push(`${want.conf} lacks nat-anchor "${want.anchor}" and anchor "${want.anchor}"`);
    }
  }
  if (have.content === f.content) return { actions: [], warnings };
  const anchor = want.mode === "anchor" ? want.anchor : undefined;
  const target = anchor ? f.path : want.conf;
  const actions: Action[] = [
    { step: "pf", kind: "file.write", path: f.path, content: f.content, hash: f.hash, mode: f.mode, summary: `write ${f.path}` },
    { step: "pf", kind: "pf.check", file: target, ...(anchor ? { anchor } : {}), summary: `check ${target}${anchor ? ` in anchor ${anchor}` : ""}` },
    { step: "pf", kind: "pf.load", file: target, ...(anchor ? { anchor } : {}), summary: `load ${target}${anchor ? ` into anchor ${anchor}` : ""}` },
  ];
  return { actions, warnings };
}
