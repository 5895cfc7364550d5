import { CASCADE_FLAG } from './cascade-flag.ts';
import type { FlagSpec } from './flags.ts';

/**
 * The flags of kubectl's DeleteFlags that every command deleting a pod takes alike: `delete`
 * itself, `replace --force` (which deletes before it creates again) and `run --rm` (which deletes
 * the pod once attached). Each command reads them by its own rules; `-f` and `-R`, also
 * DeleteFlags, are listed by each where it reads them.
 */
export const DELETE_FLAGS: readonly FlagSpec[] = [
  CASCADE_FLAG,
  { name: 'force', type: 'bool' },
  { name: 'grace-period', type: 'int' },
  { name: 'timeout', type: 'string' },
  { name: 'wait', type: 'bool' },
];
