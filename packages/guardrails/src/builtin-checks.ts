import type { GuardrailCheck } from '@switchyard/core';
import { containsCheck } from './checks/contains.js';
import { containsCodeCheck } from './checks/contains-code.js';
import { characterCountCheck, sentenceCountCheck, wordCountCheck } from './checks/count-range.js';
import { endsWithCheck } from './checks/ends-with.js';
import { jsonKeysCheck } from './checks/json-keys.js';
import { jsonSchemaCheck } from './checks/json-schema.js';
import { isAllLowercaseCheck, isAllUppercaseCheck } from './checks/letter-case.js';
import { modelWhitelistCheck } from './checks/model-whitelist.js';
import { regexMatchCheck } from './checks/regex-match.js';
import { requiredMetadataKeysCheck } from './checks/required-metadata-keys.js';
import { validUrlsCheck } from './checks/valid-urls.js';
import { piiCheck } from './pii/pii-check.js';

/** Every check the gateway ships; each also answers to Portkey's `default.*` id. */
export const builtinGuardrailChecks: readonly GuardrailCheck<any>[] = [
  regexMatchCheck,
  containsCheck,
  wordCountCheck,
  sentenceCountCheck,
  characterCountCheck,
  jsonSchemaCheck,
  jsonKeysCheck,
  validUrlsCheck,
  modelWhitelistCheck,
  requiredMetadataKeysCheck,
  containsCodeCheck,
  isAllUppercaseCheck,
  isAllLowercaseCheck,
  endsWithCheck,
  piiCheck,
];
