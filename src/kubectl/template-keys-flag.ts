import type { FlagSpec, ParsedLine } from './flags.ts';

/**
 * `--allow-missing-template-keys` (cli-runtime PrintFlags, on every verb that prints with
 * `-o go-template|jsonpath`): true by default, so a key the object lacks prints `<no value>` or
 * nothing; false makes it an error, as text/template's `missingkey=error` and JSONPath's
 * AllowMissingKeys(false) report it. Checked with kubectl 1.33.
 */
export const ALLOW_MISSING_TEMPLATE_KEYS_FLAG: FlagSpec = {
  name: 'allow-missing-template-keys',
  type: 'bool',
};

/** Whether the template printers let a missing key pass (the flag's default is true). */
export const allowMissingKeysOf = (line: ParsedLine): boolean =>
  line.flags.get('allow-missing-template-keys') !== false;
