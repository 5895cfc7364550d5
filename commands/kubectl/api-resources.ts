import { groupVersion } from '../../src/cluster/openapi/discovery.ts';
import { flagBool, flagList, flagString } from '../../src/kubectl/flags.ts';
import { formatTable } from '../../src/kubectl/printers/table.ts';
import { qualifiedName, RESOURCES } from '../../src/kubectl/resources.ts';
import { type KubectlVerb, outcome, stdout } from '../../src/kubectl/verb.ts';
import { ok } from '../../src/result.ts';

/** What a v1.34 API server's discovery lists (src/cluster/openapi/v1.34.json), in kubectl's order. */
export const apiResources: KubectlVerb = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  help: `Print the supported API resources on the server.

Examples:
  # Print the supported API resources
  kubectl api-resources

  # Print the supported API resources with more information
  kubectl api-resources -o wide

  # Print the supported API resources sorted by a column
  kubectl api-resources --sort-by=name

  # Print the supported namespaced resources
  kubectl api-resources --namespaced=true

  # Print the supported non-namespaced resources
  kubectl api-resources --namespaced=false

  # Print the supported API resources with a specific APIGroup
  kubectl api-resources --api-group=rbac.authorization.k8s.io

Options:
    --api-group='': Limit to resources in the specified API group.
    --categories=[]: Limit to resources that belong to the specified categories.
    --namespaced=true: If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.
    --no-headers=false: When using the default or custom-column output format, don't print headers (default print headers).
    -o, --output='': Output format. One of: (wide, name).
    --sort-by='': If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'.
    --verbs=[]: Limit to resources that support the specified verbs.

Usage:
  kubectl api-resources [flags] [options]`,
  flags: [
    { name: 'namespaced', type: 'bool' },
    { name: 'api-group', type: 'string' },
    { name: 'categories', type: 'list' },
    { name: 'verbs', type: 'list' },
    { name: 'sort-by', type: 'string' },
    { name: 'no-headers', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
    // Discovery here is the same every time, so the cached list is the list.
    { name: 'cached', type: 'bool' },
  ],
  run(_ctx, line) {
    const group = flagString(line, 'api-group');
    const namespaced = line.flags.get('namespaced');
    const categories = flagList(line, 'categories');
    const verbs = flagList(line, 'verbs');
    const sortBy = flagString(line, 'sort-by');
    const resources = RESOURCES.filter(
      (r) =>
        (group === undefined || r.group === group) &&
        (namespaced === undefined || r.namespaced === namespaced) &&
        categories.every((c) => r.categories.includes(c)) &&
        verbs.every((v) => r.verbs.includes(v)),
    );
    const key = (r: (typeof resources)[number]) =>
      sortBy === 'name' ? r.type : sortBy === 'kind' ? r.kind : r.group;
    const sorted = [...resources].sort((a, b) => byte(key(a), key(b)) || byte(a.type, b.type));
    if (flagString(line, 'output') === 'name')
      return ok(outcome([stdout(sorted.map(qualifiedName).join('\n'))]));
    const wide = flagString(line, 'output') === 'wide';
    const rows = [
      ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])],
      ...sorted.map((r) => [
        r.type,
        r.shortNames.join(','),
        groupVersion(r),
        String(r.namespaced),
        r.kind,
        ...(wide ? [r.verbs.join(','), r.categories.join(',')] : []),
      ]),
    ];
    return ok(outcome([stdout(formatTable(flagBool(line, 'no-headers') ? rows.slice(1) : rows))]));
  },
};

/** Go's strings.Compare: byte order. */
const byte = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
