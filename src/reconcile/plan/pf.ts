// pf (pure): write the managed file when it differs, check, then load — never `service pf restart`.
// The kernel is observed too: NAT rules missing from `pfctl -sn` (a flush, a load without the
// include) reload the same file. pf_enable is persisted, and a stopped pf is started with
// `service pf start` (which loads pf.conf) after the check. The applier restores the previous
// file when the check or the load fails.
import type { Action } from "../actions.js";
import type { PfHave } from "../observe/types.js";
import type { Want } from "../want.js";
import type { StepPlan } from "./refusal.js";

/** `pfctl -sn` prints `nat on IF inet from NET to any -> (IF) round-robin` per subnet (pfctl_parser.c). */
function natMissing(want: Want["pf"], have: PfHave): string[] {
  return want.nat.subnets.filter((net) => !have.nat.some((l) => l.startsWith(`nat on ${want.nat.extIf} inet from ${net} to any -> (${want.nat.extIf})`)));
}

/** Actions, and warnings when pf.conf does not reference the file or anchor. */
export function planPf(want: Want["pf"], have: PfHave): StepPlan {
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
  const actions: Action[] = [];
  if (have.rc.pf_enable !== "YES") actions.push({ step: "pf", kind: "rc.set", name: "pf_enable", value: "YES", summary: "enable pf at boot (pf_enable)" });
  const drift = natMissing(want, have);
  const changed = have.content !== f.content;
  if (!changed && drift.length === 0 && have.enabled) return { actions, warnings, refused: [] };
  const anchor = want.mode === "anchor" ? want.anchor : undefined;
  const target = anchor ? f.path : want.conf;
  const where = anchor ? ` in anchor ${anchor}` : "";
  const why = changed ? "" : drift.length > 0 ? ` (the kernel lacks NAT for ${drift.join(", ")})` : "";
  if (changed) actions.push({ step: "pf", kind: "file.write", path: f.path, content: f.content, hash: f.hash, mode: f.mode, summary: `write ${f.path}` });
  actions.push({ step: "pf", kind: "pf.check", file: target, ...(anchor ? { anchor } : {}), summary: `check ${target}${where}` });
  if (!have.enabled) actions.push({ step: "pf", kind: "pf.start", summary: "start pf (it is not running): service pf start loads pf.conf" });
  if (have.enabled || anchor) actions.push({ step: "pf", kind: "pf.load", file: target, ...(anchor ? { anchor } : {}), summary: `load ${target}${anchor ? ` into anchor ${anchor}` : ""}${why}` });
  return { actions, warnings, refused: [] };
}
