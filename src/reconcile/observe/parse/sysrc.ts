// Parses `sysrc -a` (one `name: value` line per rc.conf variable).

/** Variable → value; values keep inner spaces. */
export function parseSysrcAll(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*): ?(.*)$/.exec(line);
    if (m) vars[m[1]!] = m[2]!;
  }
  return vars;
}
