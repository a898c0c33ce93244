import { scanFiles } from "./src/secrets/api.js";
import { soulFiles } from "./test/secrets/corpus/soul-text.js";
import { adversarialInputs } from "./test/secrets/adversarial.js";
const u = new TextEncoder().encode(adversarialInputs.unicode!(10_000_000)); console.log("unicode bytes", u.byteLength, scanFiles([{ path: "u", data: u }]).findings.length);
const files = soulFiles(8 * 1024 * 1024).map((f) => ({ path: f.path, data: new TextEncoder().encode(f.text) }));
const bytes = files.reduce((n, f) => n + f.data.byteLength, 0);
for (let k = 0; k < 3; k++) scanFiles(files);
const c0 = process.cpuUsage(); for (let k = 0; k < 5; k++) scanFiles(files); const d = process.cpuUsage(c0);
console.log("soul", ((bytes * 5) / 1e6 / ((d.user + d.system) / 1e6)).toFixed(1), "MB/s");
