// The seam where the rest of the pipeline plugs in: after a revision is published, these steps run
// in order (reconcile: network · pf · jails · database · import · render · service). The source side
// defines only the contract; a failing step leaves the revision published and the source Stalled.

export interface PublishedRevision {
  agent: string;
  source: string;
  revision: string;
  commit: string;
  /** The published snapshot (read-only). */
  dir: string;
  /** The commit that was published before, if any. */
  previous?: string;
  /** True when this is a rollback rather than a new revision. */
  rollback: boolean;
  /** `sync --force`: steps that refuse to overwrite changed files (render) back them up and go on. */
  force?: boolean;
}

export interface PostPublishStep {
  name: string;
  run(published: PublishedRevision): Promise<void>;
}

/** The steps `soulsync sync` runs today: none yet (reconcile, import and render land here). */
export const POST_PUBLISH_STEPS: readonly PostPublishStep[] = [];

/** What the rest of the pipeline hands the source side once the host repo is read. */
export interface HostHookResult {
  steps: readonly PostPublishStep[];
  /** A digest of each agent's step inputs besides the soul; when it changes the steps run again. */
  stepsKey?(agent: string): string | undefined;
}
