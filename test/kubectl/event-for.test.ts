import { describe, expect, it } from 'vitest';
import { renderError } from '../../src/kubectl/errors.ts';
import { eventsFor } from '../../src/kubectl/event-for.ts';

/** `kubectl events --for`, each case as kubectl 1.33 resolved it against Podium's API door. */
describe('events --for TYPE/NAME', () => {
  it.each([
    ['pod/kubia', 'Pod', 'v1', 'kubia'],
    ['po/kubia', 'Pod', 'v1', 'kubia'],
    ['PO/kubia', 'Pod', 'v1', 'kubia'],
    ['Pods/kubia', 'Pod', 'v1', 'kubia'],
    ['pods.v1./kubia', 'Pod', 'v1', 'kubia'],
    ['node/node01', 'Node', 'v1', 'node01'],
    ['deploy/web', 'Deployment', 'apps/v1', 'web'],
    ['deployments.v1.apps/web', 'Deployment', 'apps/v1', 'web'],
    ['ingresses.networking.k8s.io/x', 'Ingress', 'networking.k8s.io/v1', 'x'],
    ['pod/a,b', 'Pod', 'v1', 'a,b'],
  ])('GIVEN %s THEN the selector names kind %s, apiVersion %s, name %s', (text, kind, apiVersion, name) => {
    const found = eventsFor(text);
    expect(found.ok && found.value.terms).toEqual([
      { field: 'involvedObject.kind', negated: false, value: kind },
      { field: 'involvedObject.apiVersion', negated: false, value: apiVersion },
      { field: 'involvedObject.name', negated: false, value: name },
    ]);
  });

  it.each([
    ['', []],
    ['pod/', []],
  ])('GIVEN %j THEN nothing is filtered', (text, terms) => {
    expect(eventsFor(text)).toEqual({ ok: true, value: { terms, warnings: [] } });
  });

  it('GIVEN ev/x THEN the ShortcutExpander warns of events.k8s.io', () => {
    const found = eventsFor('ev/x');
    expect(found.ok && found.value.warnings).toEqual([
      'Warning: short name "ev" could also match lower priority resource events.events.k8s.io',
    ]);
  });

  it.each([
    ['kubia', 'error: --for must be in resource/name form'],
    ['pod/a/b', 'error: arguments in resource/name form may not have more than one slash'],
    ['/kubia', 'error: a resource must be present, got: /, Resource='],
    ['.apps/x', 'error: a resource must be present, got: apps/, Resource='],
    ['.v1.apps/x', 'error: a resource must be present, got: v1.apps/, Resource='],
    ['foo/bar', `the server doesn't have a resource type "foo"`],
    ['pod.v1/kubia', `the server doesn't have a resource type "pod" in group "v1"`],
    ['pods.v2./x', `the server doesn't have a resource type "pods" in group "v2."`],
  ])('GIVEN %s THEN %s', (text, error) => {
    const found = eventsFor(text);
    expect(found.ok ? null : renderError(found.error)).toBe(error);
  });
});
