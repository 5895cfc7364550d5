import type { Cluster } from './model.ts';
import { withoutGoneNamespaces } from './namespace-deletion.ts';
import { withoutGonePods } from './terminating.ts';

/**
 * The cluster as the API sees it at its `now`: what a deletion has finished with is gone. Pods
 * first, since a namespace leaves only once its pods have.
 */
export const asSeen = <T extends Pick<Cluster, 'pods' | 'namespaces' | 'now'>>(cluster: T): T =>
  withoutGoneNamespaces(withoutGonePods(cluster));
