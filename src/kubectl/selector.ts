// What cli-runtime does with a label selector before and after the API server parses it.
import { goQuote, goTrimSpace } from '../go/strings.ts';

/**
 * kubectl sends `strings.TrimSpace(-l value)` to the server (cli-runtime
 * `LabelSelectorParam`); an empty result means "no selector". Parse this text,
 * not the raw argument, to see what the API server sees.
 */
export function kubectlSelectorText(argument: string): string {
  return goTrimSpace(argument);
}

/**
 * What `kubectl get|delete|label ... -l SEL` prints when the API server rejects
 * the selector (cli-runtime `EnhanceListError`; both strings are Go-quoted).
 * `resource` is the plural, e.g. `pods` or `nodes` (core group `/v1`).
 */
export function kubectlSelectorError(selectorText: string, resource: string, rawMessage: string): string {
  return kubectlListError(resource, selectorText, '', rawMessage);
}

/**
 * The same for a list the server refused over either selector: both as kubectl sent them
 * (trimmed: cli-runtime's `LabelSelectorParam` and `FieldSelectorParam`).
 */
export function kubectlListError(
  resource: string,
  labelText: string,
  fieldText: string,
  rawMessage: string,
): string {
  const subject = goQuote(`/v1, Resource=${resource}`);
  const labels = goQuote(kubectlSelectorText(labelText));
  const fields = goQuote(goTrimSpace(fieldText));
  return `Error from server (BadRequest): Unable to find ${subject} that match label selector ${labels}, field selector ${fields}: ${rawMessage}`;
}
