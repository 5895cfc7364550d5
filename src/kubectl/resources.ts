/**
 * The resource types this cluster serves, as discovery describes them, and the names kubectl
 * accepts for each (plural, singular, short name, kind; case-insensitive as kubectl is).
 */
export type ResourceType = 'pods' | 'nodes' | 'namespaces';

export interface ResourceInfo {
  type: ResourceType;
  singular: string;
  kind: 'Pod' | 'Node' | 'Namespace';
  shortNames: string[];
  namespaced: boolean;
}

export const RESOURCES: readonly ResourceInfo[] = [
  { type: 'pods', singular: 'pod', kind: 'Pod', shortNames: ['po'], namespaced: true },
  { type: 'nodes', singular: 'node', kind: 'Node', shortNames: ['no'], namespaced: false },
  { type: 'namespaces', singular: 'namespace', kind: 'Namespace', shortNames: ['ns'], namespaced: false },
];

export function resolveResource(word: string): ResourceInfo | undefined {
  const w = word.toLowerCase().replace(/\.v1$|\.$/, '');
  return RESOURCES.find(
    (r) => r.type === w || r.singular === w || r.kind.toLowerCase() === w || r.shortNames.includes(w),
  );
}
