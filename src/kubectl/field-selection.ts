import {
  matchesFields,
  namespaceField,
  nodeField,
  parseFieldSelector,
  podField,
  serviceField,
} from '../cluster/field-selector.ts';
import type { Cluster } from '../cluster/model.ts';
import { goTrimSpace } from '../go/strings.ts';
import { err, ok, type Result } from '../result.ts';
import { type KubectlError, kubectlError } from './errors.ts';
import { flagString, type ParsedLine } from './flags.ts';
import type { AnyObject } from './query.ts';
import type { ResourceInfo } from './resources.ts';
import { kubectlListError } from './selector.ts';

/** `--field-selector`, which the server applies to a list (pods: phase, node, name, namespace, ...). */
export function byFields(
  cluster: Cluster,
  line: ParsedLine,
  resource: ResourceInfo,
  objects: AnyObject[],
): Result<AnyObject[], KubectlError> {
  const text = flagString(line, 'field-selector') ?? '';
  if (goTrimSpace(text) === '' || (objects.length === 0 && !resource.simulated)) return ok(objects);
  const parsed = parseFieldSelector(goTrimSpace(text), resource.kind);
  if (!parsed.ok) {
    const labels = flagString(line, 'selector') ?? '';
    const message = kubectlListError(resource.type, labels, text, parsed.error);
    return err(kubectlError('rawText', { text: message }));
  }
  return ok(objects.filter((o) => matchesFields(parsed.value, (field) => fieldOf(o, field, cluster.now))));
}

function fieldOf(object: AnyObject, field: string, now: number): string {
  switch (object.kind) {
    case 'Pod':
      return podField(object, field, now);
    case 'Node':
      return nodeField(object, field);
    case 'Namespace':
      return namespaceField(object, field);
    case 'Service':
      return serviceField(object, field);
  }
}
