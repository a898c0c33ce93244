// service (pure): the rc.d script and the project .env written, the service enabled and running,
// and restarted when its script or .env changed while it ran. An agent whose name is a base
// service (service(8) would run /etc/rc.d/NAME) or whose rc.d path holds a script soulsync did
// not write is refused: soulsync never overwrites another program's script.
import type { Action } from "../actions.js";
import type { ServiceHave } from "../observe/types.js";
import type { Want } from "../want.js";
import type { Refusal, StepPlan } from "./refusal.js";

/** The line rc.d/agent.in carries; a script without it is not soulsync's. */
export const RC_MARKER = "Managed by soulsync from the host repo";

/** Actions per agent, in order: files, enable, then start or restart. */
export function planService(want: Want["services"], have: ServiceHave): StepPlan {
  const out: Action[] = [];
  const refused: Refusal[] = [];
  for (const w of want) {
    const h = have.services.find((s) => s.service === w.service);
    if (h?.baseScript) {
      refused.push({ step: "service", code: "E_SERVICE_NAME", message: `/etc/rc.d/${w.service} exists: service ${w.service} would run FreeBSD's script, not the agent; give the agent another name` });
      continue;
    }
    if (h?.rcContent !== undefined && !h.rcContent.includes(RC_MARKER)) {
      refused.push({ step: "service", code: "E_RC_FOREIGN", message: `${w.rc.path} was not written by soulsync and is left alone: move it away or give the agent another name` });
      continue;
    }
    const a = w.agent;
    let changed = false;
    for (const f of [w.rc, w.env]) {
      const current = f === w.rc ? h?.rcContent : h?.envContent;
      if (current === f.content) continue;
      changed = true;
      out.push({ step: "service", kind: "file.write", agent: a, path: f.path, content: f.content, hash: f.hash, mode: f.mode, summary: `write ${f.path}` });
    }
    const enable = `${w.service}_enable`;
    if (have.rc[enable] !== "YES") out.push({ step: "service", kind: "rc.set", agent: a, name: enable, value: "YES", summary: `enable ${w.service}` });
    if (!h?.running) out.push({ step: "service", kind: "service.start", agent: a, service: w.service, summary: `start ${w.service}` });
    else if (changed) out.push({ step: "service", kind: "service.restart", agent: a, service: w.service, summary: `restart ${w.service} (its configuration changed)` });
  }
  return { actions: out, warnings: [], refused };
}
