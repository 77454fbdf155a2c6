import { CliError } from '../cli-io.js';

/** The spellings of a provider name the template needs. */
export interface ProviderNames {
  /** The adapter id and slug: `acme-ai`. */
  name: string;
  /** `AcmeAi`, for types and functions (`createAcmeAiProvider`). */
  pascal: string;
  /** `acmeAi`, for values (`acmeAiCapabilities`). */
  camel: string;
  /** `ACME_AI`, for environment variables. */
  upper: string;
}

/** Checks NAME against the adapter id rule (what core's defineProvider accepts) and spells it each way. */
export function providerNames(name: string | undefined): ProviderNames {
  if (!name) throw new CliError('switchyard new provider: give the provider a NAME, e.g. `switchyard new provider acme`', 2);
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) {
    throw new CliError(`switchyard new provider: "${name}" is not a valid adapter id: use lower-case letters, digits and single dashes, starting with a letter`, 2);
  }
  const words = name.split('-');
  const pascal = words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
  return { name, pascal, camel: pascal[0]!.toLowerCase() + pascal.slice(1), upper: words.join('_').toUpperCase() };
}
