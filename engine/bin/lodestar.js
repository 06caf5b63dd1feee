#!/usr/bin/env node
// `npx lodestar …`: npm links a package's bin only when its file exists at install time, and engine/dist
// is built after `npm ci`, so the link points at this committed launcher instead. It builds the engine
// when its output is missing or older than its sources, then runs the CLI.
import { ensureEngineBuilt } from '../../scripts/ensure-built.mjs';

ensureEngineBuilt();
await import('../dist/cli/main.js');
