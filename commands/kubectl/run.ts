import { createdViaOf } from '../../src/api/write.ts';
import { apiObject } from '../../src/cluster/api-object.ts';
import type { Ids } from '../../src/cluster/ids.ts';
import { creationRefused } from '../../src/cluster/member-kinds.ts';
import type { Cluster, EnvVar, Pod, PullPolicy, RestartPolicy } from '../../src/cluster/model.ts';
import { type Created, createPod } from '../../src/cluster/pods.ts';
import { badRequest } from '../../src/cluster/status.ts';
import { parseGoDuration } from '../../src/go/duration.ts';
import {
  getKey,
  isJsonObject,
  type JsonObject,
  jsonObject,
  setKey,
  stringAt,
} from '../../src/go/json-value.ts';
import { goAtoi, goInt32 } from '../../src/go/strconv.ts';
import type { JsonValue } from '../../src/go/values.ts';
import { cascadeOf } from '../../src/kubectl/cascade-flag.ts';
import { DELETE_FLAGS } from '../../src/kubectl/delete-flags.ts';
import { DRY_RUN_FLAG, type DryRun, dryRunOf } from '../../src/kubectl/dry-run-flag.ts';
import { type KubectlError, kubectlError, renderError, type SandboxNote } from '../../src/kubectl/errors.ts';
import { flagBool, flagList, flagString, type ParsedLine } from '../../src/kubectl/flags.ts';
import { LAST_APPLIED } from '../../src/kubectl/manifest-apply.ts';
import { podFromManifest } from '../../src/kubectl/manifest-objects.ts';
import { outputOf } from '../../src/kubectl/manifest-print.ts';
import { RECURSIVE_FLAG } from '../../src/kubectl/manifest-source.ts';
import { namespaceOf } from '../../src/kubectl/namespace.ts';
import { goJsonInOrder, goYaml } from '../../src/kubectl/printers/go-yaml.ts';
import { OBJECT_PRINTER_FLAGS } from '../../src/kubectl/printers/object-printer.ts';
import { printObjects, sortKeys } from '../../src/kubectl/printers/objects.ts';
import { podInGoOrder } from '../../src/kubectl/printers/pod-go-order.ts';
import {
  type TemplateFiles,
  templateFormat,
  templatePrinter,
  withTemplate,
} from '../../src/kubectl/printers/template-output.ts';
import { isImageReference, type RunSpec, runPodObject } from '../../src/kubectl/run-object.ts';
import { applyOverrides } from '../../src/kubectl/run-overrides.ts';
import { printRun, type RunOutput, type RunPrintable } from '../../src/kubectl/run-print.ts';
import { runServiceObject } from '../../src/kubectl/run-service.ts';
import { fromStatus } from '../../src/kubectl/status-error.ts';
import { allowMissingKeysOf } from '../../src/kubectl/template-keys-flag.ts';
import {
  type KubectlVerb,
  type Outcome,
  type OutputLine,
  outcome,
  stderr,
  type VerbContext,
} from '../../src/kubectl/verb.ts';
import { err, ok, type Result } from '../../src/result.ts';

const RESTART: Record<string, RestartPolicy> = { Always: 'Always', OnFailure: 'OnFailure', Never: 'Never' };
const PULL: Record<string, PullPolicy> = { Always: 'Always', IfNotPresent: 'IfNotPresent', Never: 'Never' };

export const run: KubectlVerb = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  help: `Create and run a particular image in a pod.

Examples:
  # Start a nginx pod
  kubectl run nginx --image=nginx

  # Start a kubia pod and let the container expose port 8080
  kubectl run kubia --image=luksa/kubia --port=8080

  # Start a pod with labels
  kubectl run kubia --image=luksa/kubia --labels="app=kubia,env=prod"

  # Start a busybox pod that runs a command
  kubectl run sleeper --image=busybox --restart=Never -- sleep 3600

Options:
    --annotations=[]: Annotations to apply to the pod.
    --attach=false: If true, wait for the Pod to start running, and then attach to the Pod as if 'kubectl attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true.
    --command=false: If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default.
    --dry-run='none': Must be "none", "server", or "client".
    --env=[]: Environment variables to set in the container.
    --expose=false: If true, create a ClusterIP service associated with the pod.  Requires \`--port\`.
    --image='': The image for the container to run.
    --image-pull-policy='': The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server.
    -l, --labels='': Comma separated labels to apply to the pod. Will override previous values.
    --port='': The port that this container exposes.
    --privileged=false: If true, run the container in privileged mode.
    -o, --output='': Output format. One of: (json, yaml, name).
    --override-type='merge': The method used to override the generated object: json, merge, or strategic.
    --overrides='': An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field.
    --restart='Always': The restart policy for this Pod.  Legal values [Always, OnFailure, Never].
    --rm=false: If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with '--attach' or with '-i/--stdin'.
    -i, --stdin=false: Keep stdin open on the container in the pod, even if nothing is attached.
    -t, --tty=false: Allocate a TTY for the container in the pod.

Usage:
  kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]`,
  flags: [
    { name: 'image', type: 'string' },
    { name: 'port', type: 'string' },
    { name: 'labels', short: 'l', type: 'string' },
    { name: 'annotations', type: 'array' },
    { name: 'restart', type: 'string' },
    { name: 'env', type: 'array' },
    { name: 'image-pull-policy', type: 'string' },
    { name: 'command', type: 'bool' },
    { name: 'privileged', type: 'bool' },
    { name: 'expose', type: 'bool' },
    { name: 'overrides', type: 'string' },
    { name: 'override-type', type: 'string' },
    DRY_RUN_FLAG,
    ...OBJECT_PRINTER_FLAGS,
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
    { name: 'attach', type: 'bool' },
    { name: 'rm', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' },
    { name: 'leave-stdin-open', type: 'bool' },
    { name: 'field-manager', type: 'string' },
    { name: 'save-config', type: 'bool' },
    { name: 'pod-running-timeout', type: 'string' },
    // DeleteFlags, for --rm's delete; -f is deprecated and ignored.
    ...DELETE_FLAGS,
    { name: 'filename', short: 'f', type: 'list' },
    { name: 'kustomize', short: 'k', type: 'string' },
    RECURSIVE_FLAG,
    { name: 'generator', type: 'string' },
  ],
  run(ctx, line) {
    if (line.flags.has('generator'))
      return err(kubectlError('unknownFlag', { flag: '--generator', verb: 'run' }));
    const completed = completeRun(line, ctx.cluster.files);
    if (!completed.ok) return completed;
    const { image, dryRun, output, warnings } = completed.value;
    const name = line.args[0];
    if (name === undefined)
      return err(kubectlError('usage', { message: 'NAME is required for run', verb: 'run' }));
    if (completed.value.podRunningTimeout <= 0)
      return err(
        kubectlError('usage', { message: '--pod-running-timeout must be higher than zero', verb: 'run' }),
      );
    const checked = checkRunFlags(line, image, dryRun);
    if (!checked.ok) return checked;
    if (checked.value.attach) return ok({ ...outcome([], [], 1), interactive: { verb: 'run', pod: name } });
    const spec = runSpec(line, name, image, checked.value.restartPolicy);
    if (!spec.ok) return spec;
    const pod = applyOverrides(runPodObject(spec.value), {
      text: flagString(line, 'overrides') ?? '',
      type: flagString(line, 'override-type') ?? '',
      namespace: dryRun === 'client' ? spec.value.namespace : undefined,
    });
    if (!pod.ok) return pod;
    const notes = runNotes(line, output, dryRun);
    const port = flagBool(line, 'expose') ? spec.value.port : undefined;
    if (dryRun === 'client') {
      const service =
        port === undefined ? null : { made: clientPrintable(runServiceObject({ ...spec.value, port })) };
      const printed = printRun(output, ' (dry run)', service, clientPrintable(pod.value));
      return ok({ ...outcome([...warnings, ...printed.output], [], printed.failed ? 1 : 0), ...notes });
    }
    const sent = flagBool(line, 'save-config') ? withLastApplied(pod.value) : pod.value;
    const served = serverRun(ctx, line, sent, dryRun === 'server', port === undefined ? null : name, output);
    if (!served.ok) return served;
    return ok({ ...served.value, output: [...warnings, ...served.value.output], ...notes });
  },
};

interface Completed {
  image: string;
  dryRun: DryRun;
  output: RunOutput;
  podRunningTimeout: number;
  /** What Complete printed on stderr (the boolean --cascade's warning). */
  warnings: OutputLine[];
}

/**
 * What kubectl has read before Run looks at the name: pflag's parsing of the durations, cobra's
 * required --image, then Complete's --dry-run, printer and delete options (--cascade).
 */
function completeRun(line: ParsedLine, files: TemplateFiles): Result<Completed, KubectlError> {
  const podRunningTimeout = durationFlag(line, 'pod-running-timeout', 60_000);
  if (!podRunningTimeout.ok) return podRunningTimeout;
  const deleteTimeout = durationFlag(line, 'timeout', 0);
  if (!deleteTimeout.ok) return deleteTimeout;
  const image = flagString(line, 'image');
  if (image === undefined) return err(kubectlError('plain', { message: 'required flag(s) "image" not set' }));
  const dryRun = dryRunOf(line);
  if (!dryRun.ok) return dryRun;
  const output = runOutputOf(
    flagString(line, 'output'),
    flagString(line, 'template') ?? '',
    allowMissingKeysOf(line),
    files,
  );
  if (!output.ok) return output;
  const cascade = cascadeOf(line);
  if (!cascade.ok) return cascade;
  return ok({
    image,
    dryRun: dryRun.value,
    output: output.value,
    podRunningTimeout: podRunningTimeout.value,
    warnings: cascade.value.warning === null ? [] : [stderr(cascade.value.warning)],
  });
}

/**
 * The Pod POSTed (for real, or as a server dry run) and printed as the server answered it; with
 * --expose the Service after it, refused as a member's Service always is.
 */
function serverRun(
  ctx: VerbContext,
  line: ParsedLine,
  pod: JsonObject,
  dryRun: boolean,
  exposed: string | null,
  output: RunOutput,
): Result<Outcome, KubectlError> {
  const manager = flagString(line, 'field-manager') ?? 'kubectl-run';
  const created = createRunPod(ctx.cluster, ctx.ids, pod, namespaceOf(ctx.cluster, line), manager);
  if (!created.ok) return created;
  const warnings = created.value.warnings.map((w) => stderr(`Warning: ${w}`));
  const service =
    exposed === null
      ? null
      : { refused: stderr(renderError(fromStatus(creationRefused('services', exposed)))) };
  const after = { ...ctx.cluster, pods: [...ctx.cluster.pods, created.value.pod] };
  const suffix = dryRun ? ' (server dry run)' : '';
  const printed = printRun(output, suffix, service, serverPrintable(created.value.pod, after));
  const changes = dryRun ? [] : created.value.changes;
  return ok(outcome([...warnings, ...printed.output], changes, printed.failed ? 1 : 0));
}

/** A duration flag as pflag parses it (Go's time.ParseDuration), in milliseconds. */
function durationFlag(line: ParsedLine, name: string, fallback: number): Result<number, KubectlError> {
  const text = flagString(line, name);
  if (text === undefined) return ok(fallback);
  const parsed = parseGoDuration(text);
  if (parsed.ok) return parsed;
  return err(
    kubectlError('invalidFlagValue', { value: text, flag: `--${name}`, reason: parsed.error, verb: 'run' }),
  );
}

/** `--show-managed-fields` with -o json|yaml: the sandbox's API server records none, and says so. */
function runNotes(line: ParsedLine, output: RunOutput, dryRun: string): { notes?: SandboxNote[] } {
  const objects = output === 'json' || output === 'yaml';
  return objects && dryRun !== 'client' && flagBool(line, 'show-managed-fields')
    ? { notes: [{ key: 'noManagedFields' }] }
    : {};
}

/**
 * `--save-config` (CreateApplyAnnotation, not under --dry-run=client): the Pod as sent, in Go's
 * compact JSON and field order and without this annotation, kept in it for a later apply.
 */
function withLastApplied(pod: JsonObject): JsonObject {
  const metadata = getKey(pod, 'metadata');
  const meta = jsonObject(isJsonObject(metadata) ? Object.entries(metadata) : []);
  const annotations = getKey(meta, 'annotations');
  const own = jsonObject(isJsonObject(annotations) ? Object.entries(annotations) : []);
  delete own[LAST_APPLIED];
  if (Object.keys(own).length > 0) setKey(meta, 'annotations', own);
  else delete meta.annotations;
  const bare = jsonObject(Object.entries(pod));
  setKey(bare, 'metadata', meta);
  const annotated = jsonObject(Object.entries(meta));
  setKey(
    annotated,
    'annotations',
    jsonObject([...Object.entries(own), [LAST_APPLIED, `${goJsonInOrder(bare, 0)}\n`]]),
  );
  const out = jsonObject(Object.entries(pod));
  setKey(out, 'metadata', annotated);
  return out;
}

type Checked = { attach: boolean; restartPolicy: RestartPolicy; pullPolicy: PullPolicy | undefined };

/**
 * The API server's answer to the Pod kubectl sends: decoded and checked by the same rules as a
 * POST from any client (create -f, the API door), and marked as made by `kubectl run`.
 */
function createRunPod(
  cluster: Cluster,
  ids: Ids,
  object: JsonObject,
  namespace: string,
  fieldManager: string,
): Result<Created, KubectlError> {
  const name = stringAt(object, 'metadata', 'name');
  const own = stringAt(object, 'metadata', 'namespace');
  if (own !== '' && own !== namespace)
    return err(
      fromStatus(
        badRequest('the namespace of the provided object does not match the namespace sent on the request'),
      ),
    );
  const sent = { source: '', raw: object, apiVersion: 'v1', kind: 'Pod', name, namespace };
  const decoded = podFromManifest(sent, namespace, 'Strict');
  if (!decoded.ok) return decoded;
  const created = createPod(cluster, { ...decoded.value.input, createdVia: createdViaOf(fieldManager) }, ids);
  return created.ok ? created : err(fromStatus(created.error));
}

/** RunOptions.Run's checks before it builds the pod, in its order. */
function checkRunFlags(line: ParsedLine, image: string, dryRun: string): Result<Checked, KubectlError> {
  if (image === '') return err(kubectlError('plain', { message: '--image is required' }));
  if (!isImageReference(image))
    return err(kubectlError('plain', { message: `Invalid image name "${image}": invalid reference format` }));
  const interactive = flagBool(line, 'stdin');
  if (flagBool(line, 'tty') && !interactive)
    return err(
      kubectlError('usage', {
        message: '-i/--stdin is required for containers with -t/--tty=true',
        verb: 'run',
      }),
    );
  if (flagBool(line, 'expose') && (flagString(line, 'port') ?? '') === '')
    return err(kubectlError('usage', { message: '--port must be set when exposing a service', verb: 'run' }));
  const attach = flagBool(line, 'attach') || (interactive && line.flags.get('attach') !== false);
  // The generator reads --restart itself: empty is Always, even with -i.
  const restartFlag = flagString(line, 'restart') ?? 'Always';
  const restartPolicy = restartFlag === '' ? 'Always' : RESTART[restartFlag];
  if (restartPolicy === undefined)
    return err(kubectlError('usage', { message: `invalid restart policy: ${restartFlag}`, verb: 'run' }));
  if (flagBool(line, 'rm') && !attach)
    return err(
      kubectlError('usage', { message: '--rm should only be used for attached containers', verb: 'run' }),
    );
  if (attach && dryRun !== 'none')
    return err(
      kubectlError('usage', {
        message:
          "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)",
        verb: 'run',
      }),
    );
  const pullFlag = flagString(line, 'image-pull-policy');
  const pullPolicy = pullFlag === undefined || pullFlag === '' ? undefined : PULL[pullFlag];
  if (pullFlag !== undefined && pullFlag !== '' && pullPolicy === undefined)
    return err(kubectlError('usage', { message: `invalid image pull policy: ${pullFlag}`, verb: 'run' }));
  return ok({ attach, restartPolicy, pullPolicy });
}

/** The generator's parameters, parsed in its order: env, annotations, labels, port. */
function runSpec(
  line: ParsedLine,
  name: string,
  image: string,
  restartPolicy: RestartPolicy,
): Result<RunSpec, KubectlError> {
  const env: EnvVar[] = [];
  for (const pair of flagList(line, 'env')) {
    const eq = pair.indexOf('=');
    if (eq <= 0 || !isEnvVarName(pair.slice(0, eq)))
      return err(kubectlError('plain', { message: `invalid env: ${pair}` }));
    env.push({ name: pair.slice(0, eq), value: pair.slice(eq + 1) });
  }
  const annotations: Record<string, string> = {};
  for (const pair of flagList(line, 'annotations')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return err(kubectlError('plain', { message: `invalid annotations format: ${pair}` }));
    annotations[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  const labels = parseRunLabels(flagString(line, 'labels'));
  if (!labels.ok) return labels;
  const portText = flagString(line, 'port') ?? '';
  const port = portText === '' ? undefined : goAtoi(portText);
  if (port !== undefined && !port.ok) return err(kubectlError('plain', { message: port.error }));
  const extra = line.afterDash ?? line.args.slice(1);
  const asCommand = flagBool(line, 'command');
  const pull = flagString(line, 'image-pull-policy');
  return ok({
    name,
    namespace: flagString(line, 'namespace'),
    labels: labels.value ?? { run: name },
    labelsGiven: labels.value !== undefined,
    annotations,
    image,
    command: extra.length > 0 && asCommand ? [...extra] : undefined,
    args: extra.length > 0 && !asCommand ? [...extra] : undefined,
    // The generators' int32(port): 4294967376 is 80.
    port: port === undefined ? undefined : goInt32(port.value),
    env,
    imagePullPolicy: pull === '' ? undefined : pull,
    restartPolicy,
    privileged: flagBool(line, 'privileged'),
    stdin: flagBool(line, 'stdin'),
    stdinOnce: flagBool(line, 'stdin') && !flagBool(line, 'leave-stdin-open'),
    tty: flagBool(line, 'tty'),
  });
}

/**
 * `-o name|yaml|json`, or a template format (`-o jsonpath={.status.podIP}`, `-o go-template=…`),
 * parsed before the pod is made, as kubectl builds its printer in Complete.
 */
function runOutputOf(
  asked: string | undefined,
  templateFlag: string,
  allowMissingKeys: boolean,
  files: TemplateFiles,
): Result<RunOutput, KubectlError> {
  // With --template, a format that carries its own template matches no printer (as for get).
  if (templateFlag !== '' && asked?.includes('=')) {
    const refused = outputOf(asked);
    if (!refused.ok) return refused;
  }
  const output = templateFlag === '' ? asked : withTemplate(asked ?? '', templateFlag);
  const template = output === undefined ? null : templateFormat(output);
  if (template === null) return outputOf(output);
  const printer = templatePrinter(template.format, template.template, files, allowMissingKeys);
  return printer.ok ? printer : err(kubectlError('plain', { message: printer.error }));
}

/** An object kubectl made and sends nothing of (`--dry-run=client`), printed as it stands. */
function clientPrintable(object: JsonObject): RunPrintable {
  return {
    ref: `${stringAt(object, 'kind').toLowerCase()}/${stringAt(object, 'metadata', 'name')}`,
    yaml: () => goYaml(sortKeys(object)),
    json: () => `${goJsonInOrder(object)}\n`,
    raw: () => goJsonInOrder(object, 0),
    data: () => sortKeys(object) as JsonValue,
  };
}

/** The pod as the API server answered it. */
function serverPrintable(pod: Pod, cluster: Cluster): RunPrintable {
  return {
    ref: `pod/${pod.metadata.name}`,
    yaml: () => `${printObjects([pod], 'yaml', cluster)}\n`,
    // run decodes the answer into its typed Pod: Go's field order, not get's sorted keys.
    json: () => `${goJsonInOrder(podInGoOrder(apiObject(pod, cluster) as JsonObject))}\n`,
    raw: () => goJsonInOrder(podInGoOrder(apiObject(pod, cluster) as JsonObject), 0),
    data: () => sortKeys(apiObject(pod, cluster)) as JsonValue,
  };
}

/**
 * `--labels` as kubectl run parses it (generate.ParseLabels): comma-separated k=v, each with
 * exactly one `=` and a key; undefined when not given.
 */
function parseRunLabels(text: string | undefined): Result<Record<string, string> | undefined, KubectlError> {
  if (text === undefined || text === '') return ok(undefined);
  const labels: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const parts = pair.split('=');
    if (parts.length !== 2) return err(kubectlError('plain', { message: `unexpected label spec: ${pair}` }));
    if (parts[0] === '') return err(kubectlError('plain', { message: 'unexpected empty label key' }));
    labels[parts[0] ?? ''] = parts[1] ?? '';
  }
  return ok(labels);
}

/** apimachinery's IsEnvVarName, which kubectl run checks each --env name against. */
function isEnvVarName(name: string): boolean {
  return /^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name) && name !== '.' && !name.startsWith('..');
}
