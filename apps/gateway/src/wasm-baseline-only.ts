import { setFlagsFromString } from 'node:v8';

/**
 * Keeps WebAssembly on V8's baseline compiler (Liftoff) for this process. The only WebAssembly a
 * gateway runs is undici's HTTP parser (llhttp); when V8 re-compiles it with its optimising tier,
 * the compile threads' memory stays resident: ~50 MiB of RSS after the 60 s soak (bench/soak.mjs),
 * for a parser that takes about 1 % of the gateway's CPU. Set before the first upstream connection, which is when undici
 * compiles it. A process flag, so only the process runner calls it, never the library.
 */
export function keepWasmOnBaselineCompiler(): void {
  setFlagsFromString('--liftoff-only');
}
