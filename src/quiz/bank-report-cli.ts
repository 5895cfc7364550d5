import { loadLabs } from '../lab/load.ts';
import { formatProblem, loadBanks } from './banks.ts';
import { conceptTitle } from './concepts.ts';
import { bankReport, renderBankReport } from './coverage.ts';
import { FAMILIES } from './generate/families.ts';

/**
 * `npm run banks`: counts per concept, per kind and per language, and the true/false share of the
 * question banks, families and labs as they load at start-up. Exits 1 when any does not load.
 */
const banks = loadBanks();
const labs = loadLabs();
if (!banks.ok || !labs.ok) {
  if (!banks.ok) console.error(banks.error.map(formatProblem).join('\n'));
  if (!labs.ok) console.error(labs.error);
  process.exit(1);
}
console.log(renderBankReport(bankReport(banks.value, FAMILIES, labs.value), (c) => conceptTitle(c).en));
