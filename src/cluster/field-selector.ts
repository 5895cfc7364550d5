import { err, ok, type Result } from '../result.ts';
import { type CoreEvent, eventField } from './event-list.ts';
import { podStatus } from './lifecycle.ts';
import type { Cluster, Namespace, Node, Pod, Service } from './model.ts';

/**
 * Field selectors as the API server reads them, for chat's `--field-selector` and for the API
 * door's `fieldSelector` alike. First the grammar (apimachinery `fields.ParseSelector`):
 *
 *   selector := term { "," term }        (terms sorted, empty ones skipped)
 *   term     := field ( "!=" | "==" | "=" ) value
 *
 * split on the first operator (no escapes in the field), with `\,` `\=` `\\` escapes in the
 * value and an unescaped `,` or `=` there refused. Then each resource's field label conversion:
 * only the fields the registry indexes are accepted, anything else is "field label not
 * supported". Both are the server's 400; callers wrap the message as their client prints it.
 */
export interface FieldTerm {
  field: string;
  negated: boolean;
  value: string;
}

/** More terms than any real selector needs: a bound on the work one request can ask for. */
const MAX_TERMS = 64;

export function parseFieldTerms(text: string): Result<FieldTerm[], string> {
  const parts = splitTerms(text);
  if (parts.length > MAX_TERMS) return err(`too many field selector terms (at most ${MAX_TERMS})`);
  parts.sort(byCodeUnit);
  const terms: FieldTerm[] = [];
  for (const part of parts) {
    if (part === '') continue;
    const split = splitTerm(part);
    if (split === null) return err(`invalid selector: '${text}'; can't understand '${part}'`);
    const value = unescapeValue(split.raw);
    if (!value.ok) return value;
    terms.push({ field: split.field, negated: split.negated, value: value.value });
  }
  return ok(terms);
}

/** Splits on commas not escaped by a backslash, in one pass. */
function splitTerms(text: string): string[] {
  if (text === '') return [];
  const parts: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inSlash) inSlash = false;
    else if (ch === '\\') inSlash = true;
    else if (ch === ',') {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** At the first position where `!=`, `==` or `=` starts (in that order of preference). */
function splitTerm(part: string): { field: string; negated: boolean; raw: string } | null {
  for (let i = 0; i < part.length; i++) {
    if (part.startsWith('!=', i)) return { field: part.slice(0, i), negated: true, raw: part.slice(i + 2) };
    if (part.startsWith('==', i)) return { field: part.slice(0, i), negated: false, raw: part.slice(i + 2) };
    if (part[i] === '=') return { field: part.slice(0, i), negated: false, raw: part.slice(i + 1) };
  }
  return null;
}

function unescapeValue(raw: string): Result<string, string> {
  let out = '';
  let inSlash = false;
  for (const ch of raw) {
    if (inSlash) {
      if (ch !== '\\' && ch !== ',' && ch !== '=')
        return err(`invalid field selector: invalid escape sequence: \\${ch}`);
      out += ch;
      inSlash = false;
    } else if (ch === '\\') inSlash = true;
    else if (ch === ',' || ch === '=')
      return err(`invalid field selector: unescaped character in value: ${ch.codePointAt(0)}`);
    else out += ch;
  }
  return inSlash ? err('invalid field selector: invalid escape sequence: \\') : ok(out);
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The field label conversion's refusal. */
export const unsupportedField = (field: string) => `field label not supported: ${field}`;

export type SelectableKind = 'Pod' | 'Node' | 'Namespace' | 'Service' | 'Event';

/**
 * The fields each kind's conversion accepts (pkg/apis/core/v1/conversion.go); every other kind
 * accepts the object-meta pair only.
 */
const SELECTABLE: Record<SelectableKind, readonly string[]> = {
  Pod: [
    'metadata.name',
    'metadata.namespace',
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.podIPs',
    'status.nominatedNodeName',
  ],
  Node: ['metadata.name', 'spec.unschedulable'],
  Namespace: ['metadata.name', 'status.phase'],
  Service: ['metadata.name', 'metadata.namespace', 'spec.clusterIP', 'spec.type'],
  Event: [
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
    'metadata.namespace',
    'metadata.name',
  ],
};

const META_ONLY: readonly string[] = ['metadata.name', 'metadata.namespace'];

export function selectableFields(kind: string): readonly string[] {
  return kind in SELECTABLE ? SELECTABLE[kind as SelectableKind] : META_ONLY;
}

/** The terms, each field checked against the kind's conversion, in the server's order. */
export function parseFieldSelector(text: string, kind: string): Result<FieldTerm[], string> {
  const terms = parseFieldTerms(text);
  if (!terms.ok) return terms;
  const accepted = selectableFields(kind);
  const unknown = terms.value.find((t) => !accepted.includes(t.field));
  return unknown === undefined ? terms : err(unsupportedField(unknown.field));
}

/** Every term holds for the object, its fields read through `read`. */
export function matchesFields(terms: readonly FieldTerm[], read: (field: string) => string): boolean {
  return terms.every((t) => (read(t.field) === t.value) !== t.negated);
}

/** A pod's selectable field as the registry indexes it (PodToSelectableFields). */
export function podField(pod: Pod, field: string, now: number): string {
  switch (field) {
    case 'metadata.name':
      return pod.metadata.name;
    case 'metadata.namespace':
      return pod.metadata.namespace;
    case 'spec.nodeName':
      return pod.spec.nodeName ?? '';
    case 'spec.restartPolicy':
      return pod.spec.restartPolicy;
    case 'spec.schedulerName':
      return 'default-scheduler';
    case 'spec.serviceAccountName':
      return 'default';
    case 'spec.hostNetwork':
      return String(pod.spec.hostNetwork === true);
    case 'status.phase':
      return podStatus(pod, now).phase;
    case 'status.podIP':
    case 'status.podIPs':
      return podStatus(pod, now).sandboxAt === undefined ? '' : (pod.sim.podIP ?? '');
    default:
      return '';
  }
}

export function nodeField(node: Node, field: string): string {
  if (field === 'spec.unschedulable') return String(node.spec.unschedulable);
  return field === 'metadata.name' ? node.metadata.name : '';
}

export function namespaceField(ns: Namespace, field: string): string {
  if (field === 'status.phase') return ns.status.phase;
  return field === 'metadata.name' ? ns.metadata.name : '';
}

export function serviceField(service: Service, field: string): string {
  switch (field) {
    case 'metadata.name':
      return service.metadata.name;
    case 'metadata.namespace':
      return service.metadata.namespace;
    case 'spec.type':
      return service.spec.type;
    case 'spec.clusterIP':
      return service.spec.clusterIP;
    default:
      return '';
  }
}

/** An event's selectable field (ToSelectableFields; the involved object's uid looked up). */
export function coreEventField(
  event: CoreEvent,
  field: string,
  cluster: Pick<Cluster, 'pods' | 'nodes'>,
): string {
  switch (field) {
    case 'involvedObject.kind':
    case 'involvedObject.name':
    case 'involvedObject.namespace':
    case 'metadata.name':
    case 'metadata.namespace':
    case 'reason':
    case 'source':
    case 'type':
      return eventField(event, field);
    case 'reportingComponent':
      return event.source;
    case 'involvedObject.apiVersion':
      return 'v1';
    case 'involvedObject.fieldPath':
      return event.fieldPath ?? '';
    case 'involvedObject.uid':
      return involvedUid(event, cluster);
    default:
      return '';
  }
}

function involvedUid(e: CoreEvent, cluster: Pick<Cluster, 'pods' | 'nodes'>): string {
  const { kind, name, namespace } = e.involvedObject;
  if (kind === 'Node') return cluster.nodes.find((n) => n.metadata.name === name)?.metadata.uid ?? '';
  const pod = cluster.pods.find((p) => p.metadata.name === name && p.metadata.namespace === namespace);
  return pod?.metadata.uid ?? '';
}
