#!/usr/bin/env node
// The built CLI (`pnpm switchyard` builds it first; a global install ships dist/).
import { main } from '../dist/main.js';

main();
