// jails (pure): Bastille in a supported version, enabled at boot, its release bootstrapped and its
// VNET devfs ruleset present; then each wanted VNET jail created on the bridge and started when
// down; with prune, jails soulsync created that are no longer wanted are stopped and destroyed —
// never any other.
import type { Action } from "../actions.js";
import type { JailsHave } from "../observe/types.js";
import { atLeast, bastilleVersionOf } from "../observe/parse/bastille-version.js";
import type { Want } from "../want.js";
import { type PlanContext, created } from "./context.js";
import type { Refusal, StepPlan } from "./refusal.js";

/** Bastille versions soulsync drives: `create -g` exists from 1.0; 1.4.x is the newest checked. */
export const BASTILLE_SUPPORTED = "1.0 to 1.4";

/** The refusals that stop the jails step before it touches anything. */
function preconditions(want: Want["jails"], have: JailsHave): Refusal[] {
  if (want.length === 0) return [];
  const refuse = (code: string, message: string): Refusal => ({ step: "jails", code, message });
  if (have.version === undefined) return [refuse("E_BASTILLE_MISSING", "Bastille is not installed: run `pkg install bastille`, then `bastille setup`")];
  const v = bastilleVersionOf(have.version);
  if (!v || !atLeast(v, 1, 0) || atLeast(v, 1, 5)) {
    return [refuse("E_BASTILLE_VERSION", `Bastille ${have.version} is not supported: soulsync supports Bastille ${BASTILLE_SUPPORTED} (create -g needs 1.0); install one with \`pkg install bastille\``)];
  }
  const out: Refusal[] = [];
  for (const release of new Set(want.map((w) => w.release))) {
    if (!have.releases.some((r) => r === release || r.startsWith(`${release}-p`))) {
      out.push(refuse("E_HOST_PRECONDITION", `the jails' release ${release} is not bootstrapped: run \`bastille bootstrap ${release}\``));
    }
  }
  if (!/^\[bastille_vnet=13\]/m.test(have.devfsRules ?? "")) {
    out.push(refuse("E_HOST_PRECONDITION", "Bastille's VNET jails use devfs ruleset 13, and /etc/devfs.rules has no [bastille_vnet=13]: run `bastille setup vnet` (it rewrites /etc/devfs.rules) or add the ruleset from Bastille's networking guide"));
  }
  return out;
}

/** Actions, drift warnings (a jail with another IP is reported, not recreated) and refusals. */
export function planJails(want: Want["jails"], have: JailsHave, ctx: PlanContext): StepPlan {
  const refused = preconditions(want, have);
  if (refused.length > 0) return { actions: [], warnings: [], refused };
  const actions: Action[] = [];
  const warnings: string[] = [];
  if (want.length > 0 && have.rc.bastille_enable !== "YES") actions.push({ step: "jails", kind: "rc.set", name: "bastille_enable", value: "YES", summary: "start Bastille's jails at boot (bastille_enable)" });
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
  return { actions, warnings, refused: [] };
}
