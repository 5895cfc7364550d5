import { parseSelector } from '../cluster/labels/selector.ts';
import { kubectlSelectorError, kubectlSelectorText } from '../kubectl/selector.ts';
import { tokenize } from '../kubectl/tokenize.ts';
import { err, ok, type Result } from '../result.ts';
import type { MapOptions } from './view.ts';

/**
 * `/sandbox map [-n NS | -A] [-l SELECTOR] [--context=NAME] [--text]`, with kubectl's spellings
 * (`--namespace=x`, `--selector x`, `--all-namespaces`, `--context x`). A bad selector is the API
 * server's BadRequest, worded as `kubectl get po -l` words it; anything else unknown is the usage
 * line. `--context` names a teammate's shared sandbox, as `kubectl --context` does.
 */
export interface MapRequest extends MapOptions {
  text: boolean;
  context: string | null;
}

export type MapArgsError = { kind: 'usage' } | { kind: 'selector'; message: string };

const MAX_TOKENS = 16;

export function parseMapArgs(line: string): Result<MapRequest, MapArgsError> {
  const tokens = tokenize(line);
  if (!tokens.ok || tokens.value.length > MAX_TOKENS) return err({ kind: 'usage' });
  let namespace: string | null = 'default';
  let all = false;
  let selectorText: string | null = null;
  let text = false;
  let context: string | null = null;
  const words = tokens.value;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const [flag, inline] =
      word.startsWith('--') && word.includes('=')
        ? [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)]
        : [word, undefined];
    const value = (): string | null => inline ?? words[++i] ?? null;
    if (flag === '--text') text = true;
    else if (flag === '-A' || flag === '--all-namespaces') all = true;
    else if (flag === '-n' || flag === '--namespace') namespace = value();
    else if (flag === '--context') {
      context = value();
      if (context === null || context === '') return err({ kind: 'usage' });
    } else if (flag === '-l' || flag === '--selector') {
      selectorText = value();
      if (selectorText === null) return err({ kind: 'usage' });
    } else return err({ kind: 'usage' });
    if (namespace === null || namespace === '') return err({ kind: 'usage' });
  }
  let selector: MapOptions['selector'] = null;
  if (selectorText !== null) {
    const trimmed = kubectlSelectorText(selectorText);
    const parsed = parseSelector(trimmed);
    if (!parsed.ok)
      return err({
        kind: 'selector',
        message: kubectlSelectorError(selectorText, 'pods', parsed.error.message),
      });
    if (trimmed !== '') selector = { text: trimmed, parsed: parsed.value };
  }
  return ok({ namespace: all ? null : namespace, selector, text, context });
}
