#!/bin/sh
# Read-only PostgreSQL health check (see ../SKILL.md).
# Connection settings come from the environment (PGHOST, PGPORT, PGUSER, PGDATABASE) and
# the password from ~/.pgpass; nothing secret is passed on the command line.
set -eu

q() {
	printf '\n== %s\n' "$1"
	psql -X -q -P pager=off -v ON_ERROR_STOP=1 -c "$2"
}

q "server" "SELECT version(), pg_is_in_recovery() AS replica, now() - pg_postmaster_start_time() AS uptime;"

q "connections by state" "
SELECT coalesce(state, 'background') AS state, count(*),
       current_setting('max_connections')::int AS max
FROM pg_stat_activity GROUP BY 1 ORDER BY 2 DESC;"

q "transactions older than 5 minutes" "
SELECT pid, usename, application_name, client_addr, now() - xact_start AS age,
       left(query, 200) AS query
FROM pg_stat_activity
WHERE xact_start < now() - interval '5 minutes'
ORDER BY xact_start;"

q "waiting locks" "
SELECT a.pid, a.usename, now() - a.query_start AS waiting, l.locktype, l.mode,
       pg_blocking_pids(a.pid) AS blocked_by
FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid
WHERE NOT l.granted;"

q "replication" "
SELECT application_name, client_addr, state, sent_lsn, write_lsn, replay_lsn, replay_lag
FROM pg_stat_replication;"

q "WAL archiver" "
SELECT archived_count, last_archived_time, failed_count, last_failed_wal, last_failed_time
FROM pg_stat_archiver;"

q "transaction ID age per database" "
SELECT datname, age(datfrozenxid) AS xid_age FROM pg_database ORDER BY 2 DESC;"

q "tables with the most dead tuples" "
SELECT schemaname, relname, n_live_tup, n_dead_tup,
       round(100.0 * n_dead_tup / greatest(n_live_tup, 1), 1) AS dead_pct, last_autovacuum
FROM pg_stat_user_tables ORDER BY n_dead_tup DESC LIMIT 10;"

q "database sizes" "
SELECT datname, pg_size_pretty(pg_database_size(datname)) AS size
FROM pg_database WHERE NOT datistemplate ORDER BY pg_database_size(datname) DESC;"
