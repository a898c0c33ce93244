import { scanFiles } from "./src/secrets/api.js";
import { CONTENT_RULES } from "./src/secrets/rules/index.js";
import { scanText } from "./src/secrets/scan-text.js";
import { adversarialInputs } from "./test/secrets/adversarial.js";
const cpu = (f: () => void) => { const c = process.cpuUsage(); f(); const d = process.cpuUsage(c); return (d.user + d.system) / 1000; };
const only = process.argv[2];
for (const [name, make] of Object.entries(adversarialInputs)) {
  if (only && !name.includes(only)) continue;
  const text = make(10_000_000);
  const data = new TextEncoder().encode(text);
  const ms = cpu(() => scanFiles([{ path: "a.txt", data }]));
  let detail = "";
  if (ms > 500) { for (const r of CONTENT_RULES) { const t = cpu(() => { for (const _ of r.scan(text)); }); if (t > 100) detail += ` ${r.id}=${t.toFixed(0)}`; } detail += ` scanText=${cpu(() => scanText(text)).toFixed(0)}`; }
  console.log(name.padEnd(32), ms.toFixed(0), detail);
}
