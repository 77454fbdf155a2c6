import type { ResolvedTargetSpec } from '../config/resolve-target-spec.js';

/**
 * Targets that share a provider entry, base URL and model share a health record, wherever they
 * sit in whichever config. The model comes from override_params, else from the request.
 */
export function defaultHealthKey(target: ResolvedTargetSpec, params: Readonly<Record<string, unknown>>): string {
  const model = target.overrideParams.model ?? params.model;
  return [target.provider ?? '', target.customHost ?? '', typeof model === 'string' ? model : ''].join('|');
}
