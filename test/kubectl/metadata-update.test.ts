import { besideKubectl133 } from './beside-kubectl.ts';

/**
 * `--template` on label, annotate, patch and set image (printFormatOf in
 * src/kubectl/metadata-update.ts): it completes a template format, alone means go-template, is
 * ignored by yaml and name, and beside a format carrying its own template matches no printer.
 */
const VERBS = [
  'label po web a=b --dry-run=client',
  'label po web a=b --dry-run=server',
  'annotate po web a=b --dry-run=client',
  'patch po web -p {} --dry-run=client',
  'set image po web web=nginx:2 --dry-run=client',
];
const PRINTS = [
  '-o go-template --template={{.kind}}',
  '--template={{.kind}}',
  '-o jsonpath --template={.kind}',
  '-o jsonpath={.kind} --template={.x}',
  '-o name --template={.x}',
  '-o jsonpath',
];

besideKubectl133(
  '--template on the verbs that update objects',
  VERBS.flatMap((verb) => PRINTS.map((print) => `${verb} ${print}`)),
  (door) => {
    door.t.say('alice', 'kubectl run web --image=nginx');
    door.t.say('alice', 'kubectl label po web x=1');
  },
);
