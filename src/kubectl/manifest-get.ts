import { err, ok, type Result } from '../result.ts';
import { type KubectlError, kubectlError } from './errors.ts';
import { flagString, type ParsedLine } from './flags.ts';
import { readFiles } from './manifest-batch.ts';
import { mapKind, namespaceFor } from './manifest-objects.ts';
import { contextNamespace } from './namespace.ts';
import type { VerbContext } from './verb.ts';

/**
 * `kubectl get -f FILE`: the objects a manifest names, as `TYPE/NAME` arguments in the
 * manifest's namespace (the Builder's FilenameParam visits each and GETs it), so the rest of
 * `get` (tables, -o, NotFound) is the same as for names typed out.
 */
export function getLineFromFiles(ctx: VerbContext, line: ParsedLine): Result<ParsedLine, KubectlError> {
  // The Builder refuses files and typed resources together before it reads a file (visitByPaths).
  if (line.args.length > 0)
    return err(
      kubectlError('plain', {
        message:
          'when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well',
      }),
    );
  const files = readFiles(ctx, line);
  if (!files.ok) return files;
  const args: string[] = [];
  let namespace = flagString(line, 'namespace');
  for (const file of files.value) {
    if (file.error !== null) return err(file.error);
    for (const object of file.objects) {
      const kind = mapKind(object);
      if (!kind.ok) return kind;
      if (kind.value === 'Pod') {
        const ns = namespaceFor(object, flagString(line, 'namespace'), contextNamespace(line));
        if (!ns.ok) return ns;
        namespace ??= ns.value;
      }
      args.push(`${kind.value.toLowerCase()}/${object.name}`);
    }
  }
  const flags = new Map(line.flags);
  flags.delete('filename');
  if (namespace !== undefined) flags.set('namespace', namespace);
  return ok({ ...line, args, flags });
}
