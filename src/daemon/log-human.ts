// Short human lines for a terminal, from pino's JSON lines: `12:04:31 run atlas applied … k=v`.
// Our own few lines instead of pino-pretty: that one brings 13 packages (a CLI, colours, date
// formatting) for a layout we would still have to configure down to this.

const LEVELS: Record<number, string> = { 10: "trace", 20: "debug", 40: "WARN", 50: "ERROR", 60: "FATAL" };
const SKIP = new Set(["level", "time", "event", "msg", "pid", "hostname"]);

/** One JSON log object as a short line (pure; the clock is the line's own `time`). */
export function formatHuman(o: Record<string, unknown>): string {
  const time = typeof o.time === "number" ? new Date(o.time).toISOString().slice(11, 19) : "--:--:--";
  const level = typeof o.level === "number" ? LEVELS[o.level] : undefined;
  const parts = [time];
  if (level) parts.push(level);
  if (o.event !== "log") parts.push(String(o.event));
  if (typeof o.msg === "string" && o.msg !== "") parts.push(o.msg);
  for (const [k, v] of Object.entries(o)) {
    if (SKIP.has(k) || v === undefined) continue;
    parts.push(`${k}=${formatValue(v)}`);
  }
  return `${parts.join(" ")}\n`;
}

function formatValue(v: unknown): string {
  if (typeof v === "string") return /^[^\s"=]*$/.test(v) && v !== "" ? v : JSON.stringify(v);
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v.join(",") || "[]";
  if (v !== null && typeof v === "object" && "message" in v) return JSON.stringify((v as { message: unknown }).message);
  return JSON.stringify(v);
}

/** A stream pino can write JSON lines to that writes human lines to `out`. */
export function humanStream(out: NodeJS.WritableStream): { write(line: string): boolean } {
  return {
    write(line: string): boolean {
      let o: Record<string, unknown>;
      try {
        o = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return out.write(line);
      }
      return out.write(formatHuman(o));
    },
  };
}
