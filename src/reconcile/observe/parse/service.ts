// Parses `service NAME onestatus`: "NAME is running as pid 1234." or "NAME is not running."

export interface ServiceStatus {
  exists: boolean;
  running: boolean;
  pid: number | undefined;
}

/** Reads stdout and stderr together; a missing rc.d script reads as not existing. */
export function parseServiceStatus(name: string, output: string): ServiceStatus {
  if (/does not exist in \/etc\/rc\.d|not found|is not executable/.test(output)) return { exists: false, running: false, pid: undefined };
  const running = new RegExp(`^${escapeRegExp(name)} is running as pid (\\d+)`, "m").exec(output);
  if (running) return { exists: true, running: true, pid: Number(running[1]) };
  return { exists: true, running: false, pid: undefined };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
