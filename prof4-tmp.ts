import { soulText } from "./test/secrets/corpus/soul-text.js";
const text = soulText(8 * 1024 * 1024);
for (let k = 0; k < 3; k++) {
let s = performance.now(); const lower = text.toLowerCase(); const t1 = performance.now() - s;
const re = /pass|pwd|secret|token|key|auth|credential|bearer/g; let n = 0;
s = performance.now(); while (re.exec(lower)) n++; console.log("lower", t1.toFixed(1), "regex", (performance.now() - s).toFixed(1), n);
const re2 = /p(?:ass|wd)|secret|token|key|auth|credential|bearer/g; n = 0;
s = performance.now(); while (re2.exec(lower)) n++; console.log("regex2", (performance.now() - s).toFixed(1), n);
const re3 = /[a-z]*(?:pass|pwd|secret|token|key|auth|credential|bearer)/g;
}
