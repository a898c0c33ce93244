// jails (pure): create each wanted Bastille VNET jail on the bridge, start it when down; with
// prune, stop and destroy jails soulsync created that are no longer wanted — never any other.
import type { Action } from "../actions.js";
import type { JailsHave } from "../observe/types.js";
import type { Want } from "../want.js";
import { type PlanContext, created } from "./context.js";

/** Actions and drift warnings (a jail with another IP is reported, not recreated). */
export function planJails(want: Want["jails"], have: JailsHave, ctx: PlanContext): { actions: Action[]; warnings: string[] } {
  const actions: Action[] = [];
  const warnings: string[] = [];
  const byName = new Map(have.jails.map((j) => [j.name, j]));
  for (const w of want) {
    const j = byName.get(w.name);
    if (!j) {
      actions.push({ step: "jails", kind: "jail.create", agent: w.agent, name: w.name, release: w.release, ip: w.ip, gateway: w.gateway, bridge: w.bridge, summary: `create jail ${w.name} at ${w.ip} (${w.release})` });
      continue;
    }
    if (j.ip && j.ip !== w.ip) warnings.push(`jail ${w.name} has IP ${j.ip}, the host repo says ${w.ip}; soulsync does not recreate jails`);
    if (!j.running) actions.push({ step: "jails", kind: "jail.start", agent: w.agent, name: w.name, summary: `start jail ${w.name}` });
  }
  if (ctx.prune) {
    const wanted = new Set(want.map((w) => w.name));
    for (const j of have.jails) {
      if (wanted.has(j.name) || !created(ctx, "jail", j.name)) continue;
      if (j.running) actions.push({ step: "jails", kind: "jail.stop", name: j.name, summary: `stop jail ${j.name} (pruned)` });
      actions.push({ step: "jails", kind: "jail.destroy", name: j.name, summary: `destroy jail ${j.name} (created by soulsync, no longer wanted)` });
    }
  }
  return { actions, warnings };
}
