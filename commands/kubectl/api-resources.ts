import { flagBool, flagString } from '../../src/kubectl/flags.ts';
import { formatTable } from '../../src/kubectl/printers/table.ts';
import { RESOURCES } from '../../src/kubectl/resources.ts';
import { type KubectlVerb, outcome, stdout } from '../../src/kubectl/verb.ts';
import { ok } from '../../src/result.ts';

/** What this cluster's discovery serves: the three core resources the notes use. */
export const apiResources: KubectlVerb = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  help: `Print the supported API resources on the server.

Examples:
  # Print the supported API resources
  kubectl api-resources

  # Print the supported namespaced resources
  kubectl api-resources --namespaced=true

  # Print the supported API resources with a specific APIGroup
  kubectl api-resources --api-group=""

Options:
    --api-group='': Limit to resources in the specified API group.
    --namespaced=true: If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.
    --no-headers=false: When using the default or custom-column output format, don't print headers (default print headers).
    -o, --output='': Output format. One of: (wide, name).

Usage:
  kubectl api-resources [flags] [options]`,
  flags: [
    { name: 'namespaced', type: 'bool' },
    { name: 'api-group', type: 'string' },
    { name: 'no-headers', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
  ],
  run(_ctx, line) {
    const group = flagString(line, 'api-group');
    const namespaced = line.flags.get('namespaced');
    const resources = RESOURCES.filter(
      (r) =>
        (group === undefined || group === '') && (namespaced === undefined || r.namespaced === namespaced),
    ).sort((a, b) => a.type.localeCompare(b.type));
    if (flagString(line, 'output') === 'name')
      return ok(outcome([stdout(resources.map((r) => r.type).join('\n'))]));
    const wide = flagString(line, 'output') === 'wide';
    const rows = [
      ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])],
      ...resources.map((r) => [
        r.type,
        r.shortNames.join(','),
        'v1',
        String(r.namespaced),
        r.kind,
        ...(wide ? [verbsOf(r.type), r.type === 'pods' ? 'all' : ''] : []),
      ]),
    ];
    return ok(outcome([stdout(formatTable(flagBool(line, 'no-headers') ? rows.slice(1) : rows))]));
  },
};

const verbsOf = (type: string) =>
  type === 'namespaces'
    ? 'create,delete,get,list,patch,update,watch'
    : 'create,delete,deletecollection,get,list,patch,update,watch';
