import { describe, expect, it } from 'vitest';
import { tempFile } from '../../api/harness.ts';
import { testApp } from '../../helpers/app.ts';
import { besideKubectl133 } from '../beside-kubectl.ts';

/**
 * `get -o custom-columns-file=F` (src/kubectl/printers/output.ts): F's first line names the
 * columns, its second gives their paths; in chat F is the member's saved file.
 */
const FILES: Record<string, string> = {
  'cols.txt': 'NAME   IMAGE\nmetadata.name  {.spec.containers[0].image}\n',
  'crlf.txt': 'A\tB\r\n.metadata.name .kind\r\nignored line\n',
  'headers.txt': 'NAME IMAGE\n',
  'blank-specs.txt': 'A B\n\n',
  'short.txt': 'A B\nx\n',
  'bad-path.txt': 'A\n{bad\n',
};
const save = (name: string, content: string) => `/file save ${name}\n\`\`\`\n${content}\`\`\``;

const CASES = [
  ...Object.keys(FILES).map((name) => `get po -o custom-columns-file=${name}`),
  'get po -o custom-columns-file=cols.txt --no-headers',
  'get po -o custom-columns-file=nope.txt',
  'get po -o custom-columns-file=',
  'get po -o custom-columns-file --template=cols.txt',
  'get po -o custom-columns --template=A:.metadata.name',
];

describe('custom-columns-file in chat', () => {
  it('GIVEN a saved column file WHEN get -o custom-columns-file=NAME THEN its columns', () => {
    const t = testApp();
    t.say('alice', save('cols.txt', FILES['cols.txt'] ?? ''));
    t.say('alice', 'kubectl run web --image=nginx');
    expect(t.say('alice', 'kubectl get po -o custom-columns-file=cols.txt')).toBe(
      'NAME   IMAGE\nweb    nginx',
    );
  });
});

const ON_DISK = new Map(Object.entries(FILES).map(([name, text]) => [name, tempFile(name, text)]));

besideKubectl133(
  'custom-columns-file',
  CASES,
  (door) => {
    for (const [name, text] of Object.entries(FILES)) door.t.say('alice', save(name, text));
    door.t.say('alice', 'kubectl run web --image=nginx');
  },
  {
    argsFor: (args) => args.map((a) => a.replace(/(?<==)[a-z-]+\.txt$/, (name) => ON_DISK.get(name) ?? name)),
  },
);
