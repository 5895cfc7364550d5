import { describe, expect, it } from 'vitest';
import { goJson, goYaml, naturalSort } from '../../../src/kubectl/printers/go-yaml.ts';

describe('kubectl -o yaml formatting (go-yaml v2 emitter)', () => {
  const scalars: [string, string][] = [
    ['1364', '"1364"'],
    ['True', '"True"'],
    ['yes', '"yes"'],
    ['on', '"on"'],
    ['null', '"null"'],
    ['', '""'],
    ['2025-01-15T10:00:00Z', '"2025-01-15T10:00:00Z"'],
    ['2025-01-15', '"2025-01-15"'],
    ['12:30', '"12:30"'],
    ['0x1F', '"0x1F"'],
    ['1e3', '"1e3"'],
    ['.5', '".5"'],
    ['luksa/kubia', 'luksa/kubia'],
    ['10.244.1.2', '10.244.1.2'],
    ['sleep 3600', 'sleep 3600'],
    ['containers with unready status: [kubia]', "'containers with unready status: [kubia]'"],
    ["didn't match", "didn't match"],
    ['- x', "'- x'"],
    ['*', "'*'"],
    ['a #b', "'a #b'"],
    ['a#b', 'a#b'],
    ['trailing:', "'trailing:'"],
    ['tab\there', '"tab\\there"'],
    ['안녕', '안녕'],
  ];
  for (const [text, printed] of scalars) {
    it(`GIVEN the string ${JSON.stringify(text)} WHEN printed THEN it reads ${printed}`, () => {
      expect(goYaml({ k: text })).toBe(`k: ${printed}\n`);
    });
  }

  it('GIVEN nested maps and lists WHEN printed THEN sequences sit at their key, maps indent by two, empties are {} and []', () => {
    expect(goYaml({ b: [{ q: 1, p: [] }, 'z'], a: { c: {}, d: null, e: true } })).toBe(
      'a:\n  c: {}\n  d: null\n  e: true\nb:\n- p: []\n  q: 1\n- z\n',
    );
  });

  it('GIVEN a long message WHEN printed THEN it folds at a space past column 80, two deeper than its key', () => {
    const message =
      "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.";
    expect(goYaml({ status: { conditions: [{ message, type: 'PodScheduled' }] } })).toBe(
      [
        'status:',
        '  conditions:',
        "  - message: '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane:",
        "      }, 3 node(s) didn''t match Pod''s node affinity/selector. preemption: 0/4 nodes",
        "      are available: 4 Preemption is not helpful for scheduling.'",
        '    type: PodScheduled',
        '',
      ].join('\n'),
    );
  });

  it('GIVEN a value with a trailing newline WHEN printed THEN it is a | literal block', () => {
    expect(goYaml({ metadata: { annotations: { x: '{"a":1}\n' } } })).toBe(
      'metadata:\n  annotations:\n    x: |\n      {"a":1}\n',
    );
    expect(goYaml({ x: 'a\nb' })).toBe('x: |-\n  a\n  b\n');
  });

  it('GIVEN a key that reads as a boolean WHEN printed THEN go-yaml quotes it like a value', () => {
    expect(goYaml({ y: 1 })).toBe('"y": 1\n');
  });

  it('GIVEN keys with digits WHEN sorted THEN digit runs compare as numbers and non-letters come first', () => {
    expect(naturalSort(['a10', 'a9', 'b', 'B', 'a_x', 'aB'])).toEqual(['B', 'a_x', 'a9', 'a10', 'aB', 'b']);
  });

  it('GIVEN HTML characters WHEN printed as JSON THEN they are escaped as encoding/json does, with 4-space indent', () => {
    expect(goJson({ b: 1, a: '<&>' })).toBe('{\n    "a": "\\u003c\\u0026\\u003e",\n    "b": 1\n}');
  });
});
