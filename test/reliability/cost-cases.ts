import fc from 'fast-check';
import type { TestApp } from '../helpers/app.ts';

/**
 * Hostile messages whose cost used to grow without bound (issue 16), for the cost fuzz and for
 * `npm run bench` (which prints the worst time and memory of one message beside its target).
 * Each case sets up what it needs, then one message is measured.
 */
export interface CostCase {
  name: string;
  setup(t: TestApp): void;
  message: string;
}

const DAY_MS = 86_400_000;

const forwarded = (t: TestApp) => {
  t.say('alice', 'kubectl run kubia --image=luksa/kubia --port=8080');
  t.advance(30_000);
  t.say('alice', 'kubectl port-forward kubia 8888:8080');
};

const pods = (count: number) => (t: TestApp) => {
  for (let i = 0; i < count; i++) t.say('alice', `kubectl run p${i} --image=nginx`);
};

/** `count` pods of ten containers, half of them busybox with no command (a crash loop), aged `ms`. */
const crashLoops = (count: number, ms: number) => (t: TestApp) => {
  for (let p = 0; p < count; p++) {
    const containers = Array.from({ length: 10 }, (_, i) =>
      i % 2 === 0 ? `  - name: c${i}\n    image: busybox` : `  - name: c${i}\n    image: nginx`,
    ).join('\n');
    const manifest = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: crash${p}\nspec:\n  containers:\n${containers}`;
    t.say('alice', `kubectl apply -f -\n\`\`\`yaml\n${manifest}\n\`\`\``);
  }
  t.advance(ms);
};

const plannerPod = (script: string) => (t: TestApp) => {
  t.say('alice', `kubectl run x --image=busybox --command -- sh -c "${script}"`);
  t.advance(5_000);
};

const none = () => {};

/**
 * Anchors nested `depth` levels deep, each `width` aliases of the one before: 10 × width^depth
 * strings once expanded (12^6: 1.5 GB of heap and 8 s without the alias limit, past the cost fuzz's heap bound).
 */
const laughs = (depth: number, width: number): string => {
  let yaml = '';
  for (let level = 0; level < depth; level++) {
    const previous = level === 0 ? '*b' : `*l${level - 1}`;
    yaml += `${level === 0 ? '' : ', '}&l${level} [${`${previous},`.repeat(width - 1)}${previous}]`;
  }
  return `[${yaml}]`;
};

export const COST_CASES: readonly CostCase[] = [
  {
    name: 'selector of 200,000 spaces',
    setup: none,
    message: `kubectl get po -l 'a${' '.repeat(200_000)}=b'`,
  },
  {
    name: 'get po after a 24 KB nc/-l command',
    setup: plannerPod(`${'nc '.repeat(4_000)}${'-l '.repeat(4_000)}`),
    message: 'kubectl get po',
  },
  {
    name: 'describe after a 24 KB nc/-l command',
    setup: plannerPod(`${'nc '.repeat(4_000)}${'-l '.repeat(4_000)}`),
    message: 'kubectl describe po x',
  },
  {
    name: 'describe after 24 KB of while/echo "',
    setup: plannerPod(`${'while true do echo \\" '.repeat(1_000)}`),
    message: 'kubectl describe po x',
  },
  {
    name: 'describe after 24 KB of httpd -f',
    setup: plannerPod(`${'httpd -f '.repeat(2_000)}${'-p '.repeat(2_000)}`),
    message: 'kubectl describe po x',
  },
  { name: 'curl with 16,000 URLs', setup: forwarded, message: `curl -s ${'localhost:8888 '.repeat(16_000)}` },
  {
    name: 'exec curl with 10,000 URLs',
    setup: forwarded,
    message: `kubectl exec kubia -- curl -s ${'127.0.0.1:8080 '.repeat(10_000)}`,
  },
  {
    name: 'wait --timeout=1000000h on a crash loop',
    setup: (t) => t.say('alice', 'kubectl run crash --image=busybox'),
    message: 'kubectl wait --for=delete po/crash --timeout=1000000h',
  },
  {
    name: 'wait --timeout of 60 digits',
    setup: none,
    message: `kubectl wait --for=delete po/x --timeout=${'1'.repeat(60)}!`,
  },
  {
    name: 'annotate 100 pods with 255 KB',
    setup: pods(100),
    message: `kubectl annotate po --all big=${'x'.repeat(255 * 1024)}`,
  },
  {
    name: 'get -o yaml of a sandbox at its byte cap',
    setup: (t) => {
      pods(8)(t);
      for (let i = 0; i < 7; i++) t.say('alice', `kubectl annotate po p${i} big=${'x'.repeat(255 * 1024)}`);
    },
    message: 'kubectl get po -o yaml',
  },
  {
    name: 'describe 20 pods x 10 containers crash-looping for a year',
    setup: crashLoops(20, 365 * DAY_MS),
    message: 'kubectl describe po',
  },
  {
    name: 'get po -o yaml, 20 pods x 10 crash-looping for a year',
    setup: crashLoops(20, 365 * DAY_MS),
    message: 'kubectl get po -o yaml',
  },
  {
    name: 'manifest of nested aliases (a billion laughs)',
    setup: none,
    message: `kubectl apply -f -\n\`\`\`yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: laughs\n  labels: {a: &a "lol"}\nspec:\n  containers:\n  - name: c\n    image: busybox\n    args: &b [${'*a,'.repeat(9)}*a]\n    command: ${laughs(6, 12)}\n\`\`\``,
  },
  {
    name: 'nested quotes, 100 KB',
    setup: none,
    message: `kubectl run q --image=busybox -- sh -c ${`"'`.repeat(50_000)}`,
  },
  {
    name: '/file save of 60 KB of one line',
    setup: none,
    message: `/file save big.yaml\n\`\`\`yaml\na: ${'b'.repeat(60_000)}\n\`\`\``,
  },
];

/** Generated ones: a long run of one token in a command that lexes, parses or plans it. */
const token = fc.constantFrom(
  ' ',
  'a',
  '=',
  ',',
  '"',
  "'",
  '\\',
  '(',
  ')',
  '-l ',
  'nc ',
  '-p ',
  'echo "',
  'while true do ',
  '1',
  '!',
  '\t',
  '`',
  '$(',
  '&&',
);
const template = fc.constantFrom(
  (s: string) => `kubectl get po -l '${s}'`,
  (s: string) => `kubectl get po ${s}`,
  (s: string) => `kubectl label po --all a=${s}`,
  (s: string) => `kubectl run g --image=busybox --command -- sh -c "${s}"`,
  (s: string) => `kubectl exec kubia -- sh -c '${s}'`,
  (s: string) => `curl -s ${s}`,
  (s: string) => `kubectl wait --for=condition=Ready po/kubia --timeout=${s}`,
  (s: string) => `kubectl explain ${s}`,
);
export const hostileCostLine = fc
  .tuple(token, token, fc.integer({ min: 1_000, max: 60_000 }), template)
  .map(([a, b, n, make]) => make(`${a}${b}`.repeat(Math.ceil(n / (a.length + b.length)))));
