import { forbidden, type Status } from './status.ts';

/**
 * What a member may create in the sandbox: pods and namespaces (its Services are the API
 * server's own `default/kubernetes`). Any other kind is refused with this Forbidden, whichever
 * door it comes through: real kubectl over HTTP, or chat's kubectl (`run --expose`'s Service).
 */
export const creationRefused = (resource: string, name: string): Status =>
  forbidden(resource, name, 'members of this sandbox create pods and namespaces only');
