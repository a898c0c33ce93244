import { scanFiles } from "./src/secrets/api.js";
import { buildCorpus } from "./test/secrets/corpus/index.js";
const c = buildCorpus();
const bytes = c.files.reduce((n, f) => n + f.data.byteLength, 0);
for (let k = 0; k < 30; k++) scanFiles(c.files);
const c0 = process.cpuUsage(); for (let k = 0; k < 30; k++) scanFiles(c.files); const d = process.cpuUsage(c0);
console.log("corpus", bytes, "bytes", ((bytes * 30) / 1e6 / ((d.user + d.system) / 1e6)).toFixed(1), "MB/s", ((d.user + d.system) / 30 / c.files.length).toFixed(1), "us/file");
