// What each bootstrap key means, for soulsync.yaml(5) and docs/configuration.md. The keys, types
// and defaults come from the schema itself; a test fails when a key has no line here.

export const BOOTSTRAP_DOC: Record<string, string> = {
  host_repo:
    "The host repo: a git source ({ url, ref, verify, credentials, interval }, like an agent's soul in host.yaml) that sync fetches and publishes, or { path: DIR } for a plain local directory read in place.",
  state_dir: "Where soulsync keeps its state: mirrors, snapshots, the published symlinks, status.json, the inventory and the embedded database. SOULSYNC_STATE_DIR overrides it.",
  driver: "freebsd runs the real commands (ifconfig, sysrc, pfctl, bastille, service); sim keeps a simulated host in sim_dir, for trying soulsync anywhere.",
  sim_dir: "Where the sim driver keeps its simulated host (state.json and a root/ for written files). Default <state_dir>/sim.",
  host_root: "Directory standing for / for the freebsd driver's file writes (a chroot, tests). Default /.",
  database_url:
    "The brain's PostgreSQL server (postgres://user@host/db); the password is never printed. SOULSYNC_DATABASE_URL, then DATABASE_URL override it. Absent: an embedded PostgreSQL (PGlite) in <state_dir>/pglite.",
  admin_database_url: "A connection allowed to create the agents' roles and databases (the database step). Default database_url.",
  keep_snapshots: "How many applied revisions per source keep their snapshots, for rollback. Default 3.",
  steps: "Which steps a sync runs after publishing, in pipeline order. Default all of network, pf, jails, database, import, render, service; [] is the source side only.",
  secrets_dir: "Host-local secrets, one file each, referenced by name from the host repo (credentials, webhook keys). Never in a repo.",
  secrets_allowlist: "A file of accepted secret-scanner fingerprints, one a line, # comments allowed. On the host, outside every repo an agent can write to.",
  triggers: "What starts a sync in the daemon.",
  "triggers.poll": "A cron schedule (node-cron syntax) for polling origins: the backstop for remote origins.",
  "triggers.jitter_seconds": "Up to this many seconds of random delay before each poll, so many hosts do not poll at once.",
  "triggers.watch": "Watch local bare origins' refs (loose refs and packed-refs) and sync when they move.",
  "triggers.debounce_ms": "Wait this long after a ref change for more before syncing.",
  "triggers.webhook": "The HTTP receiver for push notifications (forge webhooks and soulsync's own post-receive hook).",
  "triggers.webhook.listen": "host:port to listen on, e.g. the bridge gateway 10.0.1.1:8787.",
  "triggers.webhook.key_secret": "Name of the file in secrets_dir holding the webhook's HMAC key (make one with openssl rand -hex 32). Default webhook.key.",
  "triggers.webhook.max_body_bytes": "Largest request body accepted; a larger one is refused (413) as soon as the cap is passed. Default 262144.",
  "triggers.webhook.rate_per_minute": "Requests accepted per minute from one address; more are refused (429). Default 120.",
  daemon: "How the daemon runs agents.",
  "daemon.concurrency": "Agents run in parallel up to this. Default 4.",
  "daemon.brain_idle_seconds": "An agent's brain stays open this long after a run, so a burst of pushes is fast. Default 60.",
  "daemon.max_open_brains": "Brains kept open at most; an embedded one holds about 30 MB (the first about 130 MB), in the daemon's database process. Default 8.",
  metrics: "Prometheus metrics at GET /metrics; absent: not served.",
  "metrics.listen": "host:port on loopback, e.g. 127.0.0.1:9464; port 0 picks a free port (written to <state_dir>/daemon.json).",
  "metrics.allow_non_loopback": "Serve metrics on a non-loopback address too. Default false.",
};
