#!/usr/bin/env node
// The CLI runs from the compiled build, which `npm install` (prepare) and `npm start` produce.
await import('../dist/cli/main.js');
