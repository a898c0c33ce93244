// The agent's non-secret .env as written into its project directory (pure render).

/** KEY=value lines in the order of the source file; values quoted when they need it. */
export function renderEnvFile(values: Record<string, string>, source: string): string {
  const lines = [`# Managed by soulsync from the host repo (${source}); local edits are overwritten.`];
  for (const [k, v] of Object.entries(values)) lines.push(`${k}=${quoteEnv(v)}`);
  return `${lines.join("\n")}\n`;
}

function quoteEnv(v: string): string {
  if (/^[A-Za-z0-9_./:@%+,-]*$/.test(v)) return v;
  if (!v.includes("'") && !v.includes("\n")) return `'${v}'`;
  return `"${v.replaceAll("\\", "\\\\").replaceAll('"', '\\"').replaceAll("\n", "\\n")}"`;
}
