import { API_RESOURCES } from '../../cluster/openapi/discovery.ts';
import { err, ok, type Result } from '../../result.ts';
import { type KubectlError, kubectlError } from '../errors.ts';
import { type JsonPathNode, parseJsonPath } from '../jsonpath/parse.ts';
import { RESOURCES, type ResourceInfo, resourcesNamed } from '../resources.ts';

/**
 * What `kubectl explain ARG [--api-version=GV]` explains: a type and a field path, found as
 * kubectl 1.33 finds them (explain.SplitAndParseResourceRequest and …WithMatchingPrefix, then the
 * v3 renderer):
 *
 * - ARG, less one trailing `.`, is read as the JSONPath `{.ARG}`; its first node must be a field,
 *   the resource word.
 * - Without --api-version, each type the word names is tried in priority order (core first): the
 *   first whose `resource[.group]` is a prefix of ARG takes the rest of ARG as the path (read as
 *   JSONPath again, its first node dropped). When none is, the first type takes every field after
 *   the word. So `deployments.apps.spec` is Deployment's `spec`, but `pods.v1.spec` is Pod's
 *   `v1.spec`, and `events.events.k8s.io.note` is core Event's `events.k8s.io.note`.
 * - With --api-version the word's first type is taken, every node after it must be a field, and
 *   the group-version is replaced by GV; the server must serve an OpenAPI document for GV, and
 *   that document must hold the resource.
 */
export interface ExplainTarget {
  resource: ResourceInfo;
  path: string[];
}

export function explainTarget(arg: string, apiVersion: string): Result<ExplainTarget, KubectlError> {
  const nodes = jsonPathNodes(arg);
  if (!nodes.ok) return nodes;
  const [first, ...rest] = nodes.value;
  if (first?.type !== 'field') return plain('invalid jsonpath syntax, first node must be field node');
  // The RESTMapper's own refusal of an empty resource (`explain .`).
  if (first.name === '') return plain('a resource must be present, got: /, Resource=');
  const candidates = resourcesNamed(first.name);
  const top = candidates[0];
  if (top === undefined) return err(kubectlError('unknownExplainType', { type: first.name }));
  if (apiVersion === '') return prefixMatch(arg, candidates, top, rest);
  const path = fieldNames(rest, 'invalid jsonpath syntax, all nodes must be field nodes');
  if (!path.ok) return path;
  const resource = inGroupVersion(top.type, apiVersion);
  return resource.ok ? ok({ resource: resource.value, path: path.value }) : resource;
}

function prefixMatch(
  arg: string,
  candidates: readonly ResourceInfo[],
  top: ResourceInfo,
  rest: readonly JsonPathNode[],
): Result<ExplainTarget, KubectlError> {
  const notField = 'invalid jsonpath syntax, first node must be field node';
  for (const resource of candidates) {
    const groupResource = resource.group === '' ? resource.type : `${resource.type}.${resource.group}`;
    if (!arg.startsWith(groupResource)) continue;
    const suffix = arg.slice(groupResource.length);
    if (suffix === '') return ok({ resource, path: [] });
    const suffixNodes = jsonPathNodes(suffix);
    if (!suffixNodes.ok) return suffixNodes;
    const path = fieldNames(suffixNodes.value.slice(1), notField);
    return path.ok ? ok({ resource, path: path.value }) : path;
  }
  const path = fieldNames(rest, notField);
  return path.ok ? ok({ resource: top, path: path.value }) : path;
}

/** explain's jsonPathParse: `{.TEXT}` (one trailing `.` dropped), which must be one action. */
function jsonPathNodes(text: string): Result<JsonPathNode[], KubectlError> {
  const parsed = parseJsonPath(`{.${text.endsWith('.') ? text.slice(0, -1) : text}}`);
  if (!parsed.ok) return plain(parsed.error);
  const [only, ...more] = parsed.value;
  if (only?.kind !== 'action' || more.length > 0) return plain('must pass in 1 jsonpath string');
  return ok(only.nodes);
}

function fieldNames(nodes: readonly JsonPathNode[], notField: string): Result<string[], KubectlError> {
  const names: string[] = [];
  for (const node of nodes) {
    if (node.type !== 'field') return plain(notField);
    names.push(node.name);
  }
  return ok(names);
}

/** The type named `name` in the group-version `--api-version` gives, or kubectl's error. */
function inGroupVersion(name: string, apiVersion: string): Result<ResourceInfo, KubectlError> {
  const gv = parseGroupVersion(apiVersion);
  if (gv === null) return plain(`unexpected GroupVersion string: ${apiVersion}`);
  const gvr = `${gv.group}/${gv.version}, Resource=${name}`;
  if (!API_RESOURCES.some((r) => r.group === gv.group && r.version === gv.version))
    return plain(`couldn't find resource for "${gvr}"`);
  const resource = RESOURCES.find((r) => r.type === name && r.group === gv.group && r.version === gv.version);
  return resource === undefined ? plain(`GVR (${gvr}) not found in OpenAPI schema`) : ok(resource);
}

/** schema.ParseGroupVersion: `v1`, `apps/v1`, `/v1`; null for more than one slash. */
function parseGroupVersion(text: string): { group: string; version: string } | null {
  if (text === '/') return { group: '', version: '' };
  const slash = text.indexOf('/');
  if (slash === -1) return { group: '', version: text };
  if (text.indexOf('/', slash + 1) !== -1) return null;
  return { group: text.slice(0, slash), version: text.slice(slash + 1) };
}

const plain = (message: string): Result<never, KubectlError> => err(kubectlError('plain', { message }));
