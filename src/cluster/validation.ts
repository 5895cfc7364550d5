import { goQuote } from '../go/strings.ts';
import {
  annotationKeyErrors,
  dns1123LabelErrors,
  dns1123SubdomainErrors,
  labelValueErrors,
  qualifiedNameErrors,
} from './labels/validation.ts';
import type { Labels, Pod } from './model.ts';

/**
 * The API server's validation of what members create, with its field paths and message bodies
 * (KK pkg/apis/core/validation). Each function returns the causes as kubectl prints them after
 * `is invalid: `; an empty list means valid.
 */
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

// field.Error prints a string value with Go's %q, which escapes what JSON.stringify keeps
// (a pasted non-breaking space, U+2028) and spells control characters its own way (\x01).
const invalid = (path: string, value: string | number, detail: string) =>
  `${path}: Invalid value: ${typeof value === 'string' ? goQuote(value) : value}: ${detail}`;

export function validateObjectName(name: string, rule: 'subdomain' | 'label'): string[] {
  if (name === '') return ['metadata.name: Required value: name or generateName is required'];
  const errors = rule === 'subdomain' ? dns1123SubdomainErrors(name) : dns1123LabelErrors(name);
  return errors.map((e) => invalid('metadata.name', name, e));
}

export function validateLabels(labels: Labels, path = 'metadata.labels'): string[] {
  const causes: string[] = [];
  for (const [key, value] of Object.entries(labels)) {
    for (const e of qualifiedNameErrors(key)) causes.push(invalid(path, key, e));
    for (const e of labelValueErrors(value)) causes.push(invalid(path, value, e));
  }
  return causes;
}

export function validateAnnotations(annotations: Labels): string[] {
  const causes: string[] = [];
  let total = 0;
  for (const [key, value] of Object.entries(annotations)) {
    for (const e of annotationKeyErrors(key)) causes.push(invalid('metadata.annotations', key, e));
    total += Buffer.byteLength(key) + Buffer.byteLength(value);
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) {
    causes.push(`metadata.annotations: Too long: may not be more than ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes`);
  }
  return causes;
}

export function validatePod(pod: Pod): string[] {
  const causes = [
    ...validateObjectName(pod.metadata.name, 'subdomain'),
    ...validateLabels(pod.metadata.labels),
    ...validateAnnotations(pod.metadata.annotations),
    ...validateNodeSelector(pod.spec.nodeSelector),
  ];
  if (pod.spec.containers.length === 0) causes.push('spec.containers: Required value');
  const seen = new Set<string>();
  pod.spec.containers.forEach((c, i) => {
    const path = `spec.containers[${i}]`;
    if (c.name === '') causes.push(`${path}.name: Required value`);
    else {
      for (const e of dns1123LabelErrors(c.name)) causes.push(invalid(`${path}.name`, c.name, e));
      if (seen.has(c.name)) causes.push(`${path}.name: Duplicate value: ${goQuote(c.name)}`);
      seen.add(c.name);
    }
    if (c.image.trim() === '') causes.push(`${path}.image: Required value`);
    c.ports.forEach((p, j) => {
      if (p.containerPort < 1 || p.containerPort > 65535) {
        causes.push(
          invalid(
            `${path}.ports[${j}].containerPort`,
            p.containerPort,
            'must be between 1 and 65535, inclusive',
          ),
        );
      }
      if (p.name !== undefined && p.name !== '' && !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(p.name)) {
        causes.push(
          invalid(
            `${path}.ports[${j}].name`,
            p.name,
            'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
          ),
        );
      }
    });
    c.env.forEach((e, j) => {
      if (e.name === '') causes.push(`${path}.env[${j}].name: Required value`);
    });
  });
  return causes;
}

function validateNodeSelector(selector: Labels): string[] {
  return validateLabels(selector, 'spec.nodeSelector');
}

/** The server's warning when two containers declare the same port (pkg/api/pod/warnings.go). */
export function duplicatePortWarnings(pod: Pod): string[] {
  const warnings: string[] = [];
  const seen = new Map<string, string>();
  pod.spec.containers.forEach((c, i) => {
    c.ports.forEach((p, j) => {
      const key = `${p.containerPort}/${p.protocol}`;
      const here = `spec.containers[${i}].ports[${j}]`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, here);
      else warnings.push(`${here}: duplicate port definition with ${first}`);
    });
  });
  return warnings;
}
