import type { FieldTerm } from '../cluster/field-selector.ts';
import { err, ok, type Result } from '../result.ts';
import { type KubectlError, kubectlError } from './errors.ts';
import { resolveResource, shortNameWarnings } from './resources.ts';

/**
 * `kubectl events --for TYPE/NAME` (events.go decodeResourceTypeName): the type lower-cased and
 * resolved as the RESTMapper resolves it (`pod`, `po`, `Pods`, `deployments.v1.apps`), then the
 * field selector kubectl sends: the involved object's kind, apiVersion and name. A name left
 * empty (`--for pod/`) filters nothing, as in kubectl.
 */
export interface EventsFor {
  /** The field selector's terms; none for an empty name. */
  terms: FieldTerm[];
  /** The ShortcutExpander's warnings for an ambiguous short name (`ev`). */
  warnings: string[];
}

export function eventsFor(text: string): Result<EventsFor, KubectlError> {
  if (text === '') return ok({ terms: [], warnings: [] });
  if (!text.includes('/'))
    return err(kubectlError('plain', { message: '--for must be in resource/name form' }));
  const parts = text.split('/');
  if (parts.length !== 2)
    return err(
      kubectlError('plain', { message: 'arguments in resource/name form may not have more than one slash' }),
    );
  const [typed = '', name = ''] = parts;
  const word = typed.toLowerCase();
  const resource = resolveResource(word);
  if (resource === undefined) return err(noMatch(word));
  const apiVersion = resource.group === '' ? resource.version : `${resource.group}/${resource.version}`;
  const terms =
    name === ''
      ? []
      : [
          { field: 'involvedObject.kind', negated: false, value: resource.kind },
          { field: 'involvedObject.apiVersion', negated: false, value: apiVersion },
          { field: 'involvedObject.name', negated: false, value: name },
        ];
  return ok({ terms, warnings: shortNameWarnings(word) });
}

/**
 * The mapper's refusal, for the group-resource ParseResourceArg falls back to (the word up to its
 * first dot, the group after it): an empty resource is the mapper's own error, an unknown one
 * cmdutil's NoMatch message, printed without `error: `.
 */
function noMatch(word: string): KubectlError {
  const dot = word.indexOf('.');
  const resource = dot === -1 ? word : word.slice(0, dot);
  const group = dot === -1 ? '' : word.slice(dot + 1);
  if (resource === '')
    return kubectlError('plain', { message: `a resource must be present, got: ${group}/, Resource=` });
  const inGroup = group === '' ? '' : ` in group "${group}"`;
  return kubectlError('rawText', { text: `the server doesn't have a resource type "${resource}"${inGroup}` });
}
