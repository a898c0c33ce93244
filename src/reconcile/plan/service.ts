// service (pure): the rc.d script and the project .env written, the service enabled and running,
// and restarted when its script or .env changed while it ran.
import type { Action } from "../actions.js";
import type { ServiceHave } from "../observe/types.js";
import type { Want } from "../want.js";

/** Actions per agent, in order: files, enable, then start or restart. */
export function planService(want: Want["services"], have: ServiceHave): Action[] {
  const out: Action[] = [];
  for (const w of want) {
    const h = have.services.find((s) => s.service === w.service);
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
  return out;
}
