// What every trigger hands the daemon's queue: which kind noticed a change, and where.

export type TriggerKind = "watch" | "webhook" | "socket" | "poll" | "signal" | "start";

export interface TriggerEvent {
  kind: TriggerKind;
  /** The repos (paths or URLs) the trigger names; absent = every agent. */
  repos?: string[];
  /** Date.now() when the change was noticed (push-to-applied is measured from here). */
  at: number;
  /** The forge's or hook's delivery id, for the log. */
  delivery?: string;
}

/** The daemon's side: queue the agents a trigger concerns and resolve to their names. */
export type OnTrigger = (e: TriggerEvent) => Promise<string[]>;
