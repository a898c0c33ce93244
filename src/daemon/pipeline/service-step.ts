// The service step of one agent: its rc.d script and .env (which names the soul commit it runs),
// enabled and running, restarted when either changed. It changes the host, so it runs under the
// host lock, and only when the host steps it depends on (network, pf, jails, database) are in sync.
import type { HostAgent, HostConfig } from "../../config/agent/model.js";
import type { Bootstrap } from "../../config/bootstrap.js";
import { environmentError } from "../../core/errors.js";
import type { Problem } from "../../core/problem.js";
import type { Action } from "../../reconcile/actions.js";
import { type ReconcileOutcome, reconcileHost } from "../../reconcile/apply.js";
import { readRcTemplate } from "../../reconcile/render/rc-script.js";
import { sessionFor } from "../../reconcile/session.js";
import { desiredState } from "../../reconcile/want.js";
import { digestOf } from "../digest.js";
import { recordServedSoul } from "../served.js";
import type { Mutex } from "./mutex.js";
import type { PostPublishStep } from "./types.js";

export interface ServiceContext {
  boot: Bootstrap;
  host: HostConfig;
  problems: Problem[];
  hostLock: Mutex;
  /** Why the host steps are not in sync, when they are not (the service waits for them). */
  hostBlocked(): string | undefined;
  onAction?: (a: Action) => void;
  /** Told each time a service reconcile ran (sync's report). */
  onOutcome?: (agent: string, o: ReconcileOutcome) => void;
}

/** The service step for `agent`; its key is the agent's rc.d script and .env without the soul. */
export function serviceStep(c: ServiceContext, agent: HostAgent): PostPublishStep {
  const name = agent.runtime.name;
  const base = desiredState({ ...c.host, agents: [agent] }, readRcTemplate()).services[0];
  const key = digestOf({ driver: c.boot.driver, rc: base?.rc.hash, env: base?.env.hash });
  return {
    name: "service",
    key: () => key,
    async run(p) {
      const blocked = c.hostBlocked();
      if (blocked) throw environmentError("E_HOST_NOT_READY", `the host is not in sync (${blocked}); ${name}'s service keeps what it runs`, { agent: name });
      return c.hostLock.run(async () => {
        const session = sessionFor(c.boot, { ...c.host, agents: [agent] }, c.problems, { [name]: p.revision });
        let outcome: ReconcileOutcome;
        try {
          outcome = await reconcileHost(session.driver, session.want, session.store, { prune: false, only: ["service"], onAction: c.onAction });
          c.onOutcome?.(name, outcome);
          if (!outcome.ok) {
            throw environmentError(outcome.error?.code ?? "E_SERVICE", `service ${name}: ${outcome.error?.message ?? "failed"}`, { agent: name });
          }
        } finally {
          await session.driver.close();
        }
        await recordServedSoul(c.boot, name, p.revision);
        return { actions: outcome.applied.length };
      });
    },
  };
}
