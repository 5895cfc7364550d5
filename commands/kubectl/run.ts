import { defaultPullPolicy } from '../../src/cluster/images.ts';
import type { Container, EnvVar, RestartPolicy } from '../../src/cluster/model.ts';
import { createPod } from '../../src/cluster/pods.ts';
import { kubectlError } from '../../src/kubectl/errors.ts';
import { flagBool, flagList, flagString, type ParsedLine } from '../../src/kubectl/flags.ts';
import { namespaceOf } from '../../src/kubectl/namespace.ts';
import { type KubectlVerb, outcome, stderr, stdout } from '../../src/kubectl/verb.ts';
import { err, ok } from '../../src/result.ts';

const RESTART: Record<string, RestartPolicy> = { Always: 'Always', OnFailure: 'OnFailure', Never: 'Never' };

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
    --command=false: If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default.
    --dry-run='none': Must be "none", "server", or "client".
    --env=[]: Environment variables to set in the container.
    --image='': The image for the container to run.
    -l, --labels='': Comma separated labels to apply to the pod. Will override previous values.
    --port='': The port that this container exposes.
    --restart='Always': The restart policy for this Pod.  Legal values [Always, OnFailure, Never].

Usage:
  kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]`,
  flags: [
    { name: 'image', type: 'string' },
    { name: 'port', type: 'string' },
    { name: 'labels', short: 'l', type: 'string' },
    { name: 'restart', type: 'string' },
    { name: 'env', type: 'list' },
    { name: 'command', type: 'bool' },
    { name: 'dry-run', type: 'string' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'generator', type: 'string' },
  ],
  run(ctx, line) {
    if (line.flags.has('generator'))
      return err(kubectlError('unknownFlag', { flag: '--generator', verb: 'run' }));
    const name = line.args[0];
    if (name === undefined)
      return err(kubectlError('usage', { message: 'NAME is required for run', verb: 'run' }));
    const image = flagString(line, 'image');
    if (image === undefined || image === '')
      return err(kubectlError('plain', { message: 'required flag(s) "image" not set' }));
    const container = buildContainer(name, image, line);
    if (!container.ok) return container;
    const labels = parseRunLabels(flagString(line, 'labels'), name);
    if (!labels.ok) return labels;
    const restartFlag = flagString(line, 'restart') ?? 'Always';
    const restartPolicy = RESTART[restartFlag];
    if (restartPolicy === undefined)
      return err(kubectlError('plain', { message: `invalid restart policy: ${restartFlag}` }));
    const dryRun = flagString(line, 'dry-run') ?? 'none';
    const created = createPod(
      ctx.cluster,
      {
        name,
        namespace: namespaceOf(ctx.cluster, line),
        labels: labels.value,
        annotations: {},
        containers: [container.value],
        nodeSelector: {},
        restartPolicy,
        createdVia: 'run',
      },
      ctx.ids,
    );
    if (!created.ok) return created;
    const warnings = created.value.warnings.map((w) => stderr(`Warning: ${w}`));
    if (dryRun === 'client') return ok(outcome([stdout(`pod/${name} created (dry run)`)]));
    if (dryRun === 'server')
      return ok(outcome([...warnings, stdout(`pod/${name} created (server dry run)`)]));
    return ok(outcome([...warnings, stdout(`pod/${name} created`)], created.value.changes));
  },
};

function buildContainer(name: string, image: string, line: ParsedLine) {
  const portText = flagString(line, 'port');
  const ports: Container['ports'] = [];
  if (portText !== undefined && portText !== '') {
    if (!/^[+-]?\d+$/.test(portText)) {
      return err(kubectlError('plain', { message: `strconv.Atoi: parsing "${portText}": invalid syntax` }));
    }
    ports.push({ containerPort: Number(portText), protocol: 'TCP' });
  }
  const env: EnvVar[] = [];
  for (const pair of flagList(line, 'env')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return err(kubectlError('plain', { message: `invalid env: ${pair}` }));
    env.push({ name: pair.slice(0, eq), value: pair.slice(eq + 1) });
  }
  const extra = line.afterDash ?? line.args.slice(1);
  const container: Container = { name, image, imagePullPolicy: defaultPullPolicy(image), ports, env };
  if (extra.length > 0) {
    if (flagBool(line, 'command')) container.command = [...extra];
    else container.args = [...extra];
  }
  return ok(container);
}

/** `--labels` as kubectl run parses it: comma-separated k=v, each with exactly one `=`. */
function parseRunLabels(text: string | undefined, name: string) {
  if (text === undefined || text === '') return ok({ run: name });
  const labels: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const parts = pair.split('=');
    if (parts.length !== 2) return err(kubectlError('plain', { message: `unexpected label spec: ${pair}` }));
    labels[parts[0] ?? ''] = parts[1] ?? '';
  }
  return ok(labels);
}
