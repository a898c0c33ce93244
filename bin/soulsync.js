#!/usr/bin/env node
// Thin launcher: the bundled CLI lives in dist/bundle/ (built by `npm install` through `prepare`).
import { loadBundle } from "./bundle-loader.js";

loadBundle()
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
