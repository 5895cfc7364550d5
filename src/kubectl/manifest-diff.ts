import type { Container, ContainerPort, EnvVar, Pod } from '../cluster/model.ts';

/**
 * The Go-struct diff that follows "pod updates may not change fields other than ..." (go-cmp's
 * report of the internal core.PodSpec, old against new): changed fields as `-`/`+` lines, two
 * unchanged fields of context around them, longer runs elided as `... // N identical fields`,
 * values aligned within a run. Shortened (fewer defaults), but shaped like the real one.
 */
type GoNode = { text: string; list?: { type: string; items: GoStruct[] } };
interface GoStruct {
  fields: [string, GoNode][];
}
interface Row {
  mark: ' ' | '-' | '+';
  depth: number;
  name?: string;
  text: string;
}

const CONTEXT = 2;

export function specDiff(before: Pod, after: Pod): string {
  const rows = [
    { mark: ' ', depth: 0, text: 'core.PodSpec{' } as Row,
    ...diffStruct(podSpec(before), podSpec(after), 1),
    { mark: ' ', depth: 0, text: '}' } as Row,
  ];
  return render(rows);
}

function diffStruct(a: GoStruct, b: GoStruct, depth: number): Row[] {
  const changed = a.fields.map(([, node], i) => node.text !== b.fields[i]?.[1].text);
  const visible = changed.map((_, i) =>
    changed.slice(Math.max(0, i - CONTEXT), i + CONTEXT + 1).some((c) => c),
  );
  const rows: Row[] = [];
  let hidden = 0;
  const flush = () => {
    if (hidden > 0) rows.push({ mark: ' ', depth, text: `... // ${hidden} identical fields` });
    hidden = 0;
  };
  for (const [i, [name, node]] of a.fields.entries()) {
    if (!visible[i]) {
      hidden++;
      continue;
    }
    flush();
    const other = b.fields[i]?.[1] ?? node;
    if (!changed[i]) rows.push({ mark: ' ', depth, name, text: `${node.text},` });
    else rows.push(...diffField(name, node, other, depth));
  }
  flush();
  return rows;
}

function diffField(name: string, a: GoNode, b: GoNode, depth: number): Row[] {
  if (a.list === undefined || b.list === undefined || a.text === 'nil' || b.text === 'nil') {
    return [
      { mark: '-', depth, name, text: `${a.text},` },
      { mark: '+', depth, name, text: `${b.text},` },
    ];
  }
  const rows: Row[] = [{ mark: ' ', depth, text: `${name}: ${a.list.type}{` }];
  const count = Math.max(a.list.items.length, b.list.items.length);
  for (let i = 0; i < count; i++) {
    const x = a.list.items[i];
    const y = b.list.items[i];
    if (x !== undefined && y !== undefined) {
      if (oneLine(x) === oneLine(y)) rows.push({ mark: ' ', depth: depth + 1, text: `${oneLine(x)},` });
      else
        rows.push({ mark: ' ', depth: depth + 1, text: '{' }, ...diffStruct(x, y, depth + 2), {
          mark: ' ',
          depth: depth + 1,
          text: '},',
        });
    } else if (x !== undefined) rows.push({ mark: '-', depth: depth + 1, text: `${oneLine(x)},` });
    else if (y !== undefined) rows.push({ mark: '+', depth: depth + 1, text: `${oneLine(y)},` });
  }
  rows.push({ mark: ' ', depth, text: '},' });
  return rows;
}

/** Lines start with the mark and a space, then tabs; names in a run of rows are padded alike. */
function render(rows: readonly Row[]): string {
  const out: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j < rows.length && rows[j]?.name !== undefined && rows[j]?.depth === rows[i]?.depth) j++;
    const run = rows.slice(i, Math.max(j, i + 1));
    const width = Math.max(...run.map((r) => (r.name === undefined ? 0 : r.name.length + 1)));
    for (const r of run) {
      const label = r.name === undefined ? '' : `${`${r.name}:`.padEnd(width)} `;
      out.push(`${r.mark} ${'\t'.repeat(r.depth)}${label}${r.text}`);
    }
    i = Math.max(j, i + 1);
  }
  return out.join('\n');
}

const ZEROS = new Set(['nil', '""', '0', 'false', '{}']);
const oneLine = (s: GoStruct) =>
  `{${s.fields
    .filter(([, n]) => !ZEROS.has(n.text))
    .map(([k, n]) => `${k}: ${n.text}`)
    .join(', ')}}`;
const lit = (text: string): GoNode => ({ text });
const q = (s: string | undefined): GoNode => lit(JSON.stringify(s ?? ''));
const ptr = (value: unknown): GoNode => (value === undefined ? lit('nil') : lit(`&${goLiteral(value)}`));
const listOf = (type: string, items: GoStruct[]): GoNode =>
  items.length === 0 ? lit('nil') : { text: `{${items.map(oneLine).join(', ')}}`, list: { type, items } };

/** A value kept as written in a manifest, in Go literal syntax. */
function goLiteral(value: unknown): string {
  if (value === undefined || value === null) return 'nil';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `{${value.map(goLiteral).join(', ')}}`;
  const entries = Object.entries(value).map(([k, v]) =>
    /^[a-z]/.test(k)
      ? `${k[0]?.toUpperCase()}${k.slice(1)}: ${goLiteral(v)}`
      : `${JSON.stringify(k)}: ${goLiteral(v)}`,
  );
  return `{${entries.join(', ')}}`;
}

const map = (m: Record<string, string>): GoNode =>
  Object.keys(m).length === 0
    ? lit('nil')
    : lit(
        `{${Object.keys(m)
          .sort()
          .map((k) => `${JSON.stringify(k)}: ${JSON.stringify(m[k])}`)
          .join(', ')}}`,
      );

function podSpec(pod: Pod): GoStruct {
  const extra = pod.spec.extra ?? {};
  const token = `kube-api-access-${pod.sim.tokenSuffix}`;
  const x = (key: string) => (extra[key] === undefined ? lit('nil') : lit(goLiteral(extra[key])));
  const volumes = `{Name: ${JSON.stringify(token)}, VolumeSource: {Projected: &{Sources: {{ServiceAccountToken: &{ExpirationSeconds: 3607, Path: "token"}}, {ConfigMap: &{LocalObjectReference: {Name: "kube-root-ca.crt"}, Items: {{Key: "ca.crt", Path: "ca.crt"}}}}, {DownwardAPI: &{Items: {{Path: "namespace", FieldRef: &{APIVersion: "v1", FieldPath: "metadata.namespace"}}}}}}, DefaultMode: &420}}}`;
  const userVolumes = Array.isArray(extra.volumes) ? extra.volumes.map(goLiteral) : [];
  return {
    fields: [
      ['Volumes', lit(`{${[...userVolumes, volumes].join(', ')}}`)],
      ['InitContainers', x('initContainers')],
      [
        'Containers',
        listOf(
          '[]core.Container',
          pod.spec.containers.map((c) => container(c, token)),
        ),
      ],
      ['EphemeralContainers', lit('nil')],
      ['RestartPolicy', q(pod.spec.restartPolicy)],
      ['TerminationGracePeriodSeconds', ptr(extra.terminationGracePeriodSeconds ?? 30)],
      ['ActiveDeadlineSeconds', ptr(extra.activeDeadlineSeconds)],
      ['DNSPolicy', q((extra.dnsPolicy as string | undefined) ?? 'ClusterFirst')],
      ['NodeSelector', map(pod.spec.nodeSelector)],
      ['ServiceAccountName', q((extra.serviceAccountName as string | undefined) ?? 'default')],
      ['AutomountServiceAccountToken', ptr(extra.automountServiceAccountToken)],
      ['NodeName', q(pod.spec.nodeName)],
      ['SecurityContext', lit(pod.spec.hostNetwork === true ? '&{HostNetwork: true}' : '&{}')],
      ['ImagePullSecrets', x('imagePullSecrets')],
      ['Hostname', q(extra.hostname as string | undefined)],
      ['Subdomain', q(extra.subdomain as string | undefined)],
      ['SetHostnameAsFQDN', ptr(extra.setHostnameAsFQDN)],
      ['Affinity', x('affinity')],
      ['SchedulerName', q((extra.schedulerName as string | undefined) ?? 'default-scheduler')],
      [
        'Tolerations',
        lit(
          extra.tolerations === undefined
            ? '{{Key: "node.kubernetes.io/not-ready", Operator: "Exists", Effect: "NoExecute", TolerationSeconds: &300}, {Key: "node.kubernetes.io/unreachable", Operator: "Exists", Effect: "NoExecute", TolerationSeconds: &300}}'
            : goLiteral(extra.tolerations),
        ),
      ],
      ['HostAliases', x('hostAliases')],
      ['PriorityClassName', q(extra.priorityClassName as string | undefined)],
      ['Priority', ptr(0)],
      ['PreemptionPolicy', lit('&"PreemptLowerPriority"')],
      ['DNSConfig', x('dnsConfig')],
      ['ReadinessGates', x('readinessGates')],
      ['RuntimeClassName', x('runtimeClassName')],
      ['Overhead', x('overhead')],
      ['EnableServiceLinks', ptr(extra.enableServiceLinks ?? true)],
      ['TopologySpreadConstraints', x('topologySpreadConstraints')],
      ['OS', x('os')],
      ['SchedulingGates', x('schedulingGates')],
      ['ResourceClaims', x('resourceClaims')],
      ['Resources', x('resources')],
    ],
  };
}

function container(c: Container, token: string): GoStruct {
  const extra = c.extra ?? {};
  const x = (key: string) => (extra[key] === undefined ? lit('nil') : lit(goLiteral(extra[key])));
  const mount = `{Name: ${JSON.stringify(token)}, ReadOnly: true, MountPath: "/var/run/secrets/kubernetes.io/serviceaccount"}`;
  const userMounts = Array.isArray(extra.volumeMounts) ? extra.volumeMounts.map(goLiteral) : [];
  return {
    fields: [
      ['Name', q(c.name)],
      ['Image', q(c.image)],
      ['Command', c.command === undefined ? lit('nil') : lit(goLiteral(c.command))],
      ['Args', c.args === undefined ? lit('nil') : lit(goLiteral(c.args))],
      ['WorkingDir', q(extra.workingDir as string | undefined)],
      ['Ports', listOf('[]core.ContainerPort', c.ports.map(port))],
      ['EnvFrom', x('envFrom')],
      ['Env', listOf('[]core.EnvVar', c.env.map(env))],
      ['Resources', lit(extra.resources === undefined ? '{}' : goLiteral(extra.resources))],
      ['ResizePolicy', x('resizePolicy')],
      ['RestartPolicy', x('restartPolicy')],
      ['VolumeMounts', lit(`{${[...userMounts, mount].join(', ')}}`)],
      ['VolumeDevices', x('volumeDevices')],
      ['LivenessProbe', x('livenessProbe')],
      ['ReadinessProbe', x('readinessProbe')],
      ['StartupProbe', x('startupProbe')],
      ['Lifecycle', x('lifecycle')],
      [
        'TerminationMessagePath',
        q((extra.terminationMessagePath as string | undefined) ?? '/dev/termination-log'),
      ],
      ['TerminationMessagePolicy', q((extra.terminationMessagePolicy as string | undefined) ?? 'File')],
      ['ImagePullPolicy', q(c.imagePullPolicy)],
      ['SecurityContext', x('securityContext')],
      ['Stdin', lit(String(extra.stdin === true))],
      ['StdinOnce', lit(String(extra.stdinOnce === true))],
      ['TTY', lit(String(extra.tty === true))],
    ],
  };
}

const port = (p: ContainerPort): GoStruct => ({
  fields: [
    ['Name', q(p.name)],
    ['HostPort', lit(String(p.hostPort ?? 0))],
    ['ContainerPort', lit(String(p.containerPort))],
    ['Protocol', q(p.protocol)],
    ['HostIP', q('')],
  ],
});

const env = (e: EnvVar): GoStruct => ({
  fields: [
    ['Name', q(e.name)],
    ['Value', q(e.value)],
    ['ValueFrom', lit('nil')],
  ],
});
