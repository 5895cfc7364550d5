import { describe, expect, it } from 'vitest';
import { kubia, netSandbox, nginx, sleeper } from './net-sandbox.ts';

const settle = 30_000;

function ready() {
  const box = netSandbox();
  box.pod('kubia', [kubia()]);
  box.pod('two', [kubia('web'), sleeper('side')]);
  box.pod('bb', [sleeper('bb')]);
  box.pod('web', [nginx()]);
  box.advance(settle);
  return box;
}

describe('kubectl exec: errors (reference §12)', () => {
  const box = ready();
  it.each([
    ['exec', 'error: pod, type/name or --filename must be specified'],
    ['exec kubia', 'error: you must specify at least one command for the container'],
    ['exec kubia --', 'error: you must specify at least one command for the container'],
    [
      'exec kubia ls',
      "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples",
    ],
    ['exec nope -- ls', 'Error from server (NotFound): pods "nope" not found'],
    ['exec svc/kubia -- ls', 'Error from server (NotFound): services "kubia" not found'],
    ['exec kubia -c nope -- ls', 'Error from server (BadRequest): container nope is not valid for pod kubia'],
    [
      'exec kubia -- foo',
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "foo": executable file not found in $PATH: unknown\ncommand terminated with exit code 126',
    ],
    [
      'exec bb -- curl localhost',
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown\ncommand terminated with exit code 126',
    ],
    [
      'exec web -- ps',
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "ps": executable file not found in $PATH: unknown\ncommand terminated with exit code 126',
    ],
    [
      'exec kubia -- /usr/bin/nope',
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "/usr/bin/nope": stat /usr/bin/nope: no such file or directory: unknown\ncommand terminated with exit code 126',
    ],
  ])('WHEN kubectl %s THEN %j', (line, expected) => {
    const r = box.kubectl(line);
    expect(r.text).toBe(expected);
    expect(r.ok).toBe(false);
  });

  it('GIVEN a pod whose container is still being created THEN unable to upgrade connection: container not found', () => {
    const b = netSandbox();
    b.pod('kubia', [kubia()]);
    expect(b.kubectl('exec kubia -- ls').text).toBe(
      'error: unable to upgrade connection: container not found ("kubia")',
    );
  });

  it('GIVEN a pod that completed THEN exec is refused with its phase', () => {
    const b = netSandbox();
    b.pod('done', [{ name: 'done', image: 'busybox', args: ['sh', '-c', 'echo hi'] }], {
      restartPolicy: 'Never',
    });
    b.advance(settle);
    expect(b.kubectl('exec done -- ls').text).toBe(
      'error: cannot exec into a container in a completed pod; current phase is Succeeded',
    );
  });

  it('GIVEN a pod no node accepts THEN the API server says it has no host', () => {
    const b = netSandbox();
    b.cluster = { ...b.cluster, nodes: [] };
    b.pod('kubia', [kubia()]);
    expect(b.kubectl('exec kubia -- ls').text).toBe(
      'Error from server (BadRequest): pod kubia does not have a host assigned',
    );
  });
});

describe('kubectl exec: multi-container pods', () => {
  const box = ready();
  it('GIVEN no -c THEN the first container runs it and kubectl notes the default on stderr', () => {
    expect(box.kubectl('exec two -- hostname').text).toBe('Defaulted container "web" out of: web, side\ntwo');
  });

  it('GIVEN -q THEN the note is not printed', () => {
    expect(box.kubectl('exec -q two -- hostname').text).toBe('two');
  });

  it('GIVEN the default-container annotation THEN that container is chosen without a note', () => {
    const b = netSandbox();
    b.pod('two', [kubia('web'), sleeper('side')], {
      annotations: { 'kubectl.kubernetes.io/default-container': 'side' },
    });
    b.advance(settle);
    expect(b.kubectl('exec two -- ps').text.split('\n')[1]).toBe('    1 root      0:00 sleep 3600');
  });

  it('GIVEN two containers THEN each sees only its own processes (no shared PID namespace)', () => {
    const web = box.kubectl('exec two -c web -- ps aux').text.split('\n');
    expect(web[0]).toBe('USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND');
    expect(web[1]).toMatch(/^root {9}1 .* node app\.js$/);
    expect(web[2]).toMatch(/ ps aux$/);
    expect(web).toHaveLength(3);
    expect(box.kubectl('exec two -c side -- ps').text).toBe(
      'PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 3600\n    7 root      0:00 ps',
    );
  });

  it('GIVEN two containers THEN both see the same pod IP, hostname and /etc/hosts', () => {
    const ip = box.get('two').sim.podIP ?? '';
    expect(box.kubectl('exec two -c side -- hostname').text).toBe('two');
    const hosts = box.kubectl('exec two -c side -- cat /etc/hosts').text;
    expect(hosts).toBe(box.kubectl('exec two -c web -- cat /etc/hosts').text.replace(/^Defaulted.*\n/, ''));
    expect(hosts.split('\n').at(-1)).toBe(`${ip}\ttwo`);
    expect(box.kubectl('exec two -c side -- ip addr').text).toContain(`    inet ${ip}/24 brd `);
  });
});

describe('kubectl exec: programs', () => {
  const box = ready();
  it('GIVEN curl without -s and without a terminal THEN the progress meter is drawn on stderr', () => {
    expect(box.kubectl('exec kubia -- curl localhost:8080').text).toBe(
      [
        '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current',
        '                                 Dload  Upload   Total   Spent    Left  Speed',
        "  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0You've hit kubia",
        '100    17    0    17    0     0   8500      0 --:--:-- --:--:-- --:--:--  8500',
      ].join('\n'),
    );
  });

  it('GIVEN -t THEN stdout is a terminal and curl draws no meter', () => {
    expect(box.kubectl('exec -it kubia -- curl localhost:8080').text).toBe("You've hit kubia");
  });

  it('GIVEN env THEN PATH, HOSTNAME, the image and container variables and the kubernetes Service ones', () => {
    const b = netSandbox();
    b.pod('kubia', [{ ...kubia(), env: { GREETING: 'hello' } }]);
    b.advance(settle);
    const env = b.kubectl('exec kubia -- env').text.split('\n');
    expect(env[0]).toBe('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
    expect(env[1]).toBe('HOSTNAME=kubia');
    expect(env).toContain('GREETING=hello');
    expect(env).toContain('KUBERNETES_SERVICE_HOST=10.96.0.1');
    expect(env.at(-1)).toBe('HOME=/root');
  });

  it('GIVEN sh -c THEN variables expand, && and || follow the status, and exit sets the exit code', () => {
    const r = box.kubectl(`exec kubia -- sh -c 'echo "I am $HOSTNAME" && false || echo fallback; exit 3'`);
    expect(r.text).toBe('I am kubia\nfallback\ncommand terminated with exit code 3');
    expect(r.exitCode).toBe(3);
  });

  it('GIVEN sh -c with an unknown command THEN the shell says not found, status 127', () => {
    expect(box.kubectl("exec kubia -- sh -c 'nope'").text).toBe(
      'sh: 1: nope: not found\ncommand terminated with exit code 127',
    );
    expect(box.kubectl("exec bb -- sh -c 'nope'").text).toBe(
      'sh: nope: not found\ncommand terminated with exit code 127',
    );
  });

  it('GIVEN -i and a script as standard input THEN sh runs it', () => {
    expect(box.kubectl('exec -i bb -- sh', 'hostname\necho $HOME\n').text).toBe('bb\n/root');
  });

  it('GIVEN -it and a bare shell with nothing to read THEN it meets end-of-file and exits 0', () => {
    expect(box.kubectl('exec -it bb -- sh')).toEqual({ text: '', ok: true, exitCode: 0 });
  });

  it('GIVEN a pipe THEN the shell says it is not simulated rather than running it wrongly', () => {
    const r = box.kubectl("exec kubia -- sh -c 'ps aux | grep node'");
    expect(r.exitCode).toBe(2);
  });

  it('GIVEN cat of a missing file, ls / and ip route THEN what the image would print', () => {
    expect(box.kubectl('exec kubia -- cat /nope').text).toBe(
      'cat: /nope: No such file or directory\ncommand terminated with exit code 1',
    );
    expect(box.kubectl('exec kubia -- ls /').text.split('\n').slice(0, 3)).toEqual(['app.js', 'bin', 'boot']);
    const ip = box.get('bb').sim.podIP ?? '';
    const gateway = ip.replace(/\.\d+$/, '.1');
    expect(box.kubectl('exec bb -- ip route').text.split('\n')[0]).toBe(`default via ${gateway} dev eth0 `);
  });

  it('GIVEN cat /etc/resolv.conf THEN the cluster DNS search path', () => {
    expect(box.kubectl('exec kubia -- cat /etc/resolv.conf').text).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5',
    );
  });
});

describe('kubectl exec: the service-account volume describe shows', () => {
  const box = ready();
  const dir = '/var/run/secrets/kubernetes.io/serviceaccount';

  it('GIVEN the mount THEN it holds ca.crt, namespace and token, as the kubelet writes them', () => {
    expect(box.kubectl(`exec kubia -- ls ${dir}`).text).toBe('ca.crt\nnamespace\ntoken');
    expect(box.kubectl(`exec kubia -- cat ${dir}/namespace`).text).toBe('default');
    expect(box.kubectl(`exec kubia -- cat ${dir}/ca.crt`).text).toMatch(
      /^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+\n-----END CERTIFICATE-----$/,
    );
  });

  it('GIVEN the token THEN it is a bound JWT naming this pod, its node and the default service account', () => {
    const token = box.kubectl(`exec kubia -- cat ${dir}/token`).text;
    const [header, payload, signature] = token.split('.');
    expect(JSON.parse(Buffer.from(header ?? '', 'base64url').toString())).toMatchObject({ alg: 'RS256' });
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    const pod = box.get('kubia');
    expect(claims).toMatchObject({
      sub: 'system:serviceaccount:default:default',
      'kubernetes.io': {
        namespace: 'default',
        node: { name: pod.spec.nodeName },
        pod: { name: 'kubia', uid: pod.metadata.uid },
      },
    });
    expect(claims['kubernetes.io'].warnafter - claims.iat).toBe(3607);
    expect(Buffer.from(signature ?? '', 'base64url')).toHaveLength(256);
  });
});
