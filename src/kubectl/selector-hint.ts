/**
 * Members type `kubectl get po -l env in (prod,dev)` in chat without quotes. The command line is
 * split like a shell's, so kubectl gets `-l env` plus stray arguments `in` and `(prod,dev)`, and
 * answers accordingly. This finds that situation so the bot can add one line suggesting the
 * quoted form. It only reads the tokens; what kubectl prints is left to the verb.
 */
export interface SelectorHint {
  /** What kubectl took as the selector, as typed: `-l env`. */
  given: string;
  /** The tokens that were meant to be part of it: `in (prod,dev)`. */
  stray: string;
  /** The quoted form to suggest: `-l 'env in (prod,dev)'`. */
  quoted: string;
}

/** Verbs whose `-l` is a label selector (`run -l` sets labels instead). */
const SELECTOR_VERBS = new Set([
  'get',
  'delete',
  'label',
  'annotate',
  'describe',
  'logs',
  'wait',
  'apply',
  'create',
]);

const FLAG = /^(-l|--selector)(=?)(.*)$/s;

/** Whether FLAG can match the token: it starts with `-l` or `--selector`. */
const mayBeSelectorFlag = (token: string): boolean =>
  token.startsWith('-l') || token.startsWith('--selector');

export function selectorHint(tokens: readonly string[]): SelectorHint | null {
  // Most commands have no selector: said before the verb is looked for and each token matched
  // (the guide asks twice for every command of these verbs).
  if (!tokens.some(mayBeSelectorFlag)) return null;
  if (!SELECTOR_VERBS.has(verbOf(tokens))) return null;
  for (let i = 0; i < tokens.length; i++) {
    const match = FLAG.exec(tokens[i] ?? '');
    if (match === null) continue;
    const [, flag = '-l', eq = '', attached = ''] = match;
    // `-l VALUE` takes the next token; `-lVALUE`, `-l=VALUE` and `--selector=VALUE` carry it.
    const separate = attached === '' && eq === '';
    if (flag === '--selector' && attached !== '' && eq === '') continue; // `--selectorX`: another flag
    const valueAt = separate ? i + 1 : i;
    const value = separate ? tokens[valueAt] : attached;
    if (value === undefined) return null;
    const stray = continuation(value, tokens.slice(valueAt + 1));
    if (stray.length === 0) return null;
    const joined = [value, ...stray].join(' ');
    const quote = joined.includes("'") ? '"' : "'";
    return {
      given: `${flag}${separate ? ' ' : eq}${value}`,
      stray: stray.join(' '),
      quoted: `${flag}${eq === '' ? ' ' : eq}${quote}${joined}${quote}`,
    };
  }
  return null;
}

/** The first word that is not a global flag or its value (`kubectl -n ns get ...`). */
function verbOf(tokens: readonly string[]): string {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    if (/^(-n|--namespace|--context|--kubeconfig)$/.test(token)) i++;
    else if (!token.startsWith('-')) return token;
  }
  return '';
}

/** The tokens after the selector value that only make sense as more of the selector. */
function continuation(value: string, rest: readonly string[]): string[] {
  const taken: string[] = [];
  let text = value;
  for (const token of rest) {
    if (!continues(text, token)) break;
    taken.push(token);
    text = `${text} ${token}`;
  }
  return taken;
}

function continues(text: string, token: string): boolean {
  if (token.startsWith('-')) return false;
  const open = (text.match(/\(/g) ?? []).length > (text.match(/\)/g) ?? []).length;
  if (open) return true; // inside `( ... )`
  if (/^(in|notin)(\(|$)/.test(token)) return true; // the set operators
  if (token.startsWith('(') && /(^|[\s,])(in|notin)$/.test(text)) return true; // their value list
  if (text.endsWith(',') || token.startsWith(',')) return true; // `env=prod, app=kubia`
  if (/^(!=|==|=)/.test(token) && /[A-Za-z0-9]$/.test(text)) return true; // `env = prod`
  return /(!=|==|=)$/.test(text) && !token.includes('='); // `env= prod`
}
