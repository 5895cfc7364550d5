import { describe, expect, it } from 'vitest';
import { verbSandbox } from './verb-sandbox.ts';

/**
 * The RESTMapper's ShortcutExpander, as kubectl 1.33 shows it against Podium's API door: short
 * names match exactly (`PO` is no type, while `Pods` and `POD` are), and a short name that also
 * belongs to a type of lower priority (`ev`: core events, then events.k8s.io) is warned about once
 * per command, on stderr, before anything else.
 */
const WARNING = 'Warning: short name "ev" could also match lower priority resource events.events.k8s.io';

describe('short names', () => {
  const box = verbSandbox();

  it.each(['get PO', 'get NS', 'get Svc', 'get DEPLOY'])('GIVEN %s THEN no type has that name', (line) => {
    const word = line.split(' ')[1] ?? '';
    expect(box.kubectl(line)).toEqual({
      text: `error: the server doesn't have a resource type "${word}"`,
      ok: false,
    });
  });

  it('GIVEN explain PO THEN the same, without error:', () => {
    expect(box.kubectl('explain PO')).toEqual({
      text: 'the server doesn\'t have a resource type "PO"',
      ok: false,
    });
    expect(box.kubectl('explain EV').text).toBe('the server doesn\'t have a resource type "EV"');
  });

  it.each(['get Pods -o name', 'get POD -o name', 'get Pod -o name', 'get po.V1. -o name'])(
    'GIVEN %s THEN plurals, singulars and kinds match whatever their case',
    (line) => {
      expect(box.kubectl(line).ok).toBe(true);
    },
  );

  it.each([
    ['get ev -o name'],
    ['get ev,ev -o name'],
    ['get ev,po -o name'],
    ['get ev.v1. -o name'],
    ['get ev/nosuch'],
    ['describe ev/nosuch'],
    ['wait --for=delete ev/nosuch'],
    ['explain ev.note'],
  ])('GIVEN %s THEN the warning comes first, once', (line) => {
    const lines = box.kubectl(line).text.split('\n');
    expect(lines[0]).toBe(WARNING);
    expect(lines.filter((l) => l === WARNING)).toHaveLength(1);
  });

  it('GIVEN events named otherwise THEN no warning', () => {
    for (const line of ['get events -o name', 'get event -o name', 'get ev.events.k8s.io -o name'])
      expect(box.kubectl(line).text, line).not.toContain('Warning: short name');
  });
});
