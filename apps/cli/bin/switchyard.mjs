#!/usr/bin/env -S node --max-semi-space-size=2
// The flag keeps the gateway it serves under 100 MiB of RSS (README, "Memory").
// The built CLI (`pnpm switchyard` builds it first; a global install ships dist/).
import { main } from '../dist/main.js';

main();
