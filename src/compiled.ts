import { existsSync, readFileSync } from 'node:fs';
import type { Bank } from './quiz/banks.ts';

/**
 * The question banks and labs as `npm run build` validated them (`scripts/build.ts`), read from
 * `data.json` beside the built bundle: a built start parses no YAML. From the TypeScript sources
 * (tests, tsx) there is none, and the YAML files are read as always.
 */
export interface CompiledData {
  banks: Bank[];
  /**
   * The labs' YAML as validated at build time, parsed again at start: a lab's checks are
   * functions (built by its parser), which JSON cannot carry.
   */
  labs: LabSource[];
}

export interface LabSource {
  file: string;
  source: string;
}

export const COMPILED_DATA = 'data.json';

let compiled: CompiledData | null | undefined;

export function compiledData(): CompiledData | null {
  if (compiled !== undefined) return compiled;
  const file = new URL(`./${COMPILED_DATA}`, import.meta.url);
  compiled =
    import.meta.url.endsWith('.js') && existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')) as CompiledData)
      : null;
  return compiled;
}
