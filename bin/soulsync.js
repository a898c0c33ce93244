#!/usr/bin/env node
// Thin launcher: the bundled CLI lives in dist/bundle/ (built by `npm install` through `prepare`).
import { main } from "../dist/bundle/main.js";

main(process.argv).then((code) => {
  process.exitCode = code;
});
