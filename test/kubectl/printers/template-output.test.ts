import { describe, expect, it } from 'vitest';
import { tempFile } from '../../api/harness.ts';
import { testApp } from '../../helpers/app.ts';
import { besideKubectl133 } from '../beside-kubectl.ts';

/**
 * `-o jsonpath-file=F`, `-o go-template-file=F`, `-o templatefile=F`
 * (src/kubectl/printers/template-output.ts): the template is read from F, in chat the member's
 * saved file F, in every verb that prints with a template; a missing F is kubectl's read error.
 */
const save = (name: string, content: string) => `/file save ${name}\n\`\`\`\n${content}\n\`\`\``;
const JSONPATH = '{.metadata.name}{"|"}{.kind}';
const GO_TEMPLATE = '{{.metadata.name}}/{{.kind}}';

const VERBS = [
  'get po web',
  'run y --image=nginx --dry-run=client',
  'run y --image=nginx --dry-run=server',
  'label po web a=b --dry-run=server',
  'annotate po web a=b --dry-run=client',
  `patch po web -p '{}' --dry-run=client`,
  'set image po web web=nginx:1.27 --dry-run=client',
  'wait --for=create po web',
  'config view',
];
const OUTPUTS = [
  '-o jsonpath-file=name.jsonpath',
  '-o go-template-file=name.tmpl',
  '-o templatefile=name.tmpl',
  '-o jsonpath-file=nope.txt',
];
const CASES = [
  ...VERBS.flatMap((verb) => OUTPUTS.map((output) => `${verb} ${output}`)),
  'get po web -o go-template-file --template=name.tmpl',
  'run y --image=nginx --dry-run=client -o jsonpath-file --template=name.jsonpath',
  'config view -o templatefile --template=name.tmpl',
  'events -o jsonpath-file=name.jsonpath',
  'get events -o jsonpath-file=name.jsonpath',
];

function withFiles() {
  const t = testApp();
  expect(t.say('alice', save('name.jsonpath', JSONPATH))).toMatch(
    /^Saved `name.jsonpath` \(\d+ bytes\) as text/,
  );
  expect(t.send('alice', save('name.tmpl', GO_TEMPLATE)).ok).toBe(true);
  t.say('alice', 'kubectl run web --image=nginx');
  return t;
}

describe('template files in chat', () => {
  it('GIVEN a saved jsonpath template WHEN get -o jsonpath-file=NAME THEN it prints through it', () => {
    const t = withFiles();
    // A saved file ends with a line break, as one an editor writes: the template prints it too.
    expect(t.say('alice', 'kubectl get po web -o jsonpath-file=name.jsonpath')).toBe('web|Pod\n');
    expect(t.say('alice', 'kubectl get po web -o jsonpath-file=./name.jsonpath')).toBe('web|Pod\n');
    expect(t.say('alice', 'kubectl get po web -o go-template-file=name.tmpl')).toBe('web/Pod\n');
    expect(t.say('alice', 'kubectl get po web -o templatefile=name.tmpl')).toBe('web/Pod\n');
  });

  it('GIVEN no such saved file WHEN -o jsonpath-file=NAME THEN kubectl’s read error, and nothing is made', () => {
    const t = withFiles();
    expect(t.say('alice', 'kubectl run y --image=nginx -o go-template-file=nope')).toBe(
      'error: error reading --template nope, open nope: no such file or directory',
    );
    expect(t.say('alice', 'kubectl get po y')).toBe('Error from server (NotFound): pods "y" not found');
    expect(t.say('alice', 'kubectl get po -o jsonpath-file=')).toBe(
      'error: template format specified but no template given',
    );
  });

  it('GIVEN a saved pod manifest WHEN create -f NAME -o go-template-file=NAME THEN both are read from saved files', () => {
    const t = withFiles();
    const pod =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: kubia\nspec:\n  containers:\n  - name: c\n    image: nginx';
    t.say('alice', save('pod.yaml', pod));
    expect(t.say('alice', 'kubectl create -f pod.yaml -o go-template-file=name.tmpl --dry-run=client')).toBe(
      'kubia/Pod\n',
    );
  });

  it('GIVEN bob shared and both saved name.tmpl WHEN alice prints bob’s pod with --context=bob THEN her own file is the template', () => {
    const t = withFiles();
    t.say('bob', save('name.tmpl', 'BOB-SECRET'));
    t.say('bob', save('only-bobs.txt', 'BOB-SECRET'));
    t.say('bob', 'kubectl run bobs --image=nginx');
    t.say('bob', '/sandbox share on');
    expect(t.say('alice', 'kubectl --context=bob get po bobs -o go-template-file=name.tmpl')).toBe(
      'bobs/Pod\n',
    );
    expect(t.say('bob', 'kubectl get po bobs -o go-template-file=name.tmpl')).toBe('BOB-SECRET\n');
    expect(t.say('alice', 'kubectl --context=bob get po bobs -o jsonpath-file=only-bobs.txt')).toBe(
      'error: error reading --template only-bobs.txt, open only-bobs.txt: no such file or directory',
    );
  });

  it('GIVEN a file named as a manifest WHEN it is not YAML THEN it is still refused', () => {
    const t = testApp();
    expect(t.say('alice', save('name.json', JSONPATH))).toMatch(/^`name.json` is not valid YAML or JSON/);
  });
});

/** The binary reads the same templates from files on disk, named by absolute path. */
const ON_DISK = new Map([
  ['name.jsonpath', tempFile('name.jsonpath', `${JSONPATH}\n`)],
  ['name.tmpl', tempFile('name.tmpl', `${GO_TEMPLATE}\n`)],
]);

// Both end as the template does (its file's line break); the chat's errors end without one.
besideKubectl133(
  'template files',
  CASES,
  (door) => {
    door.t.say('alice', save('name.jsonpath', JSONPATH));
    door.t.say('alice', save('name.tmpl', GO_TEMPLATE));
    door.t.say('alice', 'kubectl run web --image=nginx');
  },
  {
    argsFor: (args) =>
      args.map((a) => a.replace(/name\.(?:jsonpath|tmpl)$/, (name) => ON_DISK.get(name) ?? name)),
  },
);
