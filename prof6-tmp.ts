import { scanText } from "./src/secrets/scan-text.js";
import { CONTENT_RULES } from "./src/secrets/rules/index.js";
import { soulText } from "./test/secrets/corpus/soul-text.js";
const text = soulText(8 * 1024 * 1024);
const cpu = (f: () => void) => { const c = process.cpuUsage(); f(); const d = process.cpuUsage(c); return (d.user + d.system) / 1000; };
for (let k = 0; k < 4; k++) { const ms = cpu(() => scanText(text)); console.log("scanText cpu", ms.toFixed(0), "ms", (text.length / 1e6 / (ms / 1000)).toFixed(1), "MB/s"); }
for (const r of CONTENT_RULES) { const ms = cpu(() => { for (const _ of r.scan(text)); }); if (ms > 8) console.log(r.id, ms.toFixed(0)); }
