import { type GuardrailCheck, isGuardrailCheck } from '@switchyard/core';
import { builtinGuardrailChecks } from './builtin-checks.js';

/** Checks by id and alias: the built-in ones plus those plugins add. */
export class GuardrailCheckRegistry {
  private readonly byId = new Map<string, GuardrailCheck<any>>();

  constructor(extra: readonly GuardrailCheck<any>[] = [], options: { builtins?: boolean } = {}) {
    for (const check of [...(options.builtins === false ? [] : builtinGuardrailChecks), ...extra]) this.add(check);
  }

  add(check: GuardrailCheck<any>): void {
    if (!isGuardrailCheck(check)) throw new TypeError('A guardrail check must be made with defineGuardrailCheck from @switchyard/core.');
    for (const id of [check.id, ...(check.aliases ?? [])]) {
      const owner = this.byId.get(id);
      if (owner && owner !== check) throw new TypeError(`Guardrail check id "${id}" is taken by "${owner.id}".`);
      this.byId.set(id, check);
    }
  }

  get(id: string): GuardrailCheck<any> | undefined {
    return this.byId.get(id);
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }
}
