import { describe, expect, it } from 'vitest';
import { findImage } from '../../src/cluster/images.ts';
import { argvOf, commandPlan, planProcess } from '../../src/cluster/process.ts';
import { boundPod } from './lifecycle-fixtures.ts';

describe('what a container process does', () => {
  const cases: [string, string[], Partial<ReturnType<typeof commandPlan>>][] = [
    ['no command: a shell with no terminal exits at once', ['sh'], { runsForMs: 300, exitCode: 0, logs: [] }],
    ['sleep 3600 runs an hour', ['sleep', '3600'], { runsForMs: 3_600_000, exitCode: 0 }],
    ['sleep infinity runs forever', ['sleep', 'infinity'], { runsForMs: null }],
    ['echo hi prints and exits', ['echo', 'hi'], { runsForMs: 300, exitCode: 0, logs: ['hi'] }],
    ['sh -c with exit 3 fails', ['sh', '-c', 'echo bye; exit 3'], { exitCode: 3, logs: ['bye'] }],
    ['httpd -f -p 8080 listens', ['httpd', '-f', '-p', '8080'], { runsForMs: null, listens: [8080] }],
    [
      'httpd -p 8080 daemonizes, so the container ends',
      ['httpd', '-p', '8080'],
      { runsForMs: 300, listens: [] },
    ],
    ['nc -l -p 9000 listens', ['nc', '-l', '-p', '9000'], { runsForMs: null, listens: [9000] }],
    ['curl with no URL exits 2', ['curl'], { exitCode: 2 }],
  ];
  for (const [what, argv, expected] of cases) {
    it(`GIVEN ${JSON.stringify(argv)} WHEN planned THEN ${what}`, () => {
      expect(commandPlan(argv)).toMatchObject(expected);
    });
  }

  it('GIVEN a while-true loop with echo and sleep WHEN planned THEN it runs forever and prints every period', () => {
    expect(commandPlan(['sh', '-c', 'echo start; while true; do echo tick; sleep 5; done'])).toEqual({
      runsForMs: null,
      exitCode: 0,
      listens: [],
      logs: ['start'],
      every: { ms: 5000, lines: ['tick'] },
    });
  });

  it('GIVEN images with ENTRYPOINT and CMD WHEN args or command are given THEN Kubernetes replaces them as documented', () => {
    const kubia = findImage('luksa/kubia');
    const nginx = findImage('nginx');
    const c = (extra: object) => ({
      name: 'x',
      image: 'x',
      imagePullPolicy: 'Always' as const,
      ports: [],
      env: [],
      ...extra,
    });
    if (kubia === undefined || nginx === undefined) throw new Error('catalogue');
    expect(argvOf(c({ args: ['--flag'] }), kubia)).toEqual(['node', 'app.js', '--flag']);
    expect(argvOf(c({ command: ['sleep', '10'] }), kubia)).toEqual(['sleep', '10']);
    expect(argvOf(c({}), nginx)).toEqual(['nginx', '-g', 'daemon off;']);
    expect(argvOf(c({ args: ['sleep', '5'] }), nginx)).toEqual(['sleep', '5']);
  });

  it('GIVEN two kubia containers WHEN planned THEN the second fails to listen as node 7 reports it', () => {
    const port = [{ containerPort: 8080, protocol: 'TCP' as const }];
    const pod = boundPod([
      { name: 'a', image: 'luksa/kubia', ports: port },
      { name: 'b', image: 'luksa/kubia', ports: port },
    ]);
    expect(planProcess(pod, 0)).toMatchObject({
      runsForMs: null,
      listens: [8080],
      logs: ['Kubia server starting...'],
    });
    expect(planProcess(pod, 1)).toEqual({
      runsForMs: 300,
      exitCode: 1,
      listens: [],
      logs: ['Kubia server starting...', 'Error: listen EADDRINUSE :::8080'],
      portConflict: 8080,
    });
  });

  it('GIVEN an earlier container whose image cannot be pulled WHEN a later one binds its port THEN there is no conflict', () => {
    const pod = boundPod([
      { name: 'a', image: 'nope' },
      { name: 'b', image: 'nginx' },
    ]);
    expect(planProcess(pod, 1)).toMatchObject({ listens: [80] });
  });
});
