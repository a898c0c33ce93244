// What `status --json` prints (pure): per agent and source, the condition with its reason, the
// live, published and last attempted revisions, the last run and what is queued.
import type { SourceStatus, StatusDoc } from "../git/status/types.js";
import type { DaemonInfo } from "./info.js";

export interface QueueView {
  running: string[];
  queued: string[];
}

export interface SourceView extends SourceStatus {
  /** The revision the agent's service runs (import, render and service all done). */
  live?: string;
  /** The revision `current` points at. */
  published?: string;
  running: boolean;
  queued: boolean;
}

export function statusJson(doc: StatusDoc, queue: QueueView | undefined, daemon: DaemonInfo | undefined) {
  const sources: Record<string, SourceView> = {};
  for (const [key, s] of Object.entries(doc.sources)) {
    sources[key] = {
      ...s,
      published: s.lastApplied,
      live: s.live ?? (s.lastApplied && s.stepsDone && s.lastApplied.endsWith(s.stepsDone) ? s.lastApplied : undefined),
      running: queue?.running.includes(s.agent) ?? false,
      queued: queue?.queued.includes(s.agent) ?? false,
    };
  }
  const ok = Object.values(doc.sources).every((s) => s.condition !== "Stalled");
  return { ok, version: doc.version, updatedAt: doc.updatedAt, daemon: daemon ?? null, sources };
}
