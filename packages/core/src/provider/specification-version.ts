/**
 * The version of the adapter contract this core implements. An adapter declares the
 * version it was written against; the gateway refuses adapters of another major version.
 */
export const SPECIFICATION_VERSION = 1 as const;
export type SpecificationVersion = typeof SPECIFICATION_VERSION;
