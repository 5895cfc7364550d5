import { createNamespace } from '../../src/cluster/namespaces.ts';
import { DRY_RUN_FLAG, dryRunOf } from '../../src/kubectl/dry-run-flag.ts';
import { kubectlError } from '../../src/kubectl/errors.ts';
import { flagList, flagString, type ParsedLine } from '../../src/kubectl/flags.ts';
import { fail, readFiles, successLine, validationOf } from '../../src/kubectl/manifest-batch.ts';
import { createObject, newCreateRun } from '../../src/kubectl/manifest-create.ts';
import { printedRun, printFormatOf } from '../../src/kubectl/manifest-output.ts';
import { outputOf, printedOutput } from '../../src/kubectl/manifest-print.ts';
import { RECURSIVE_FLAG } from '../../src/kubectl/manifest-source.ts';
import { OBJECT_PRINTER_FLAGS } from '../../src/kubectl/printers/object-printer.ts';
import { fromStatus } from '../../src/kubectl/status-error.ts';
import { type KubectlVerb, outcome, stdout, type VerbContext } from '../../src/kubectl/verb.ts';
import { err, ok } from '../../src/result.ts';

/** `kubectl create` subcommands a real kubectl has; this cluster serves none of their types. */
const OTHER_SUBCOMMANDS = new Set([
  'clusterrole',
  'clusterrolebinding',
  'configmap',
  'cm',
  'cronjob',
  'cj',
  'deployment',
  'deploy',
  'ingress',
  'ing',
  'job',
  'poddisruptionbudget',
  'pdb',
  'priorityclass',
  'pc',
  'quota',
  'role',
  'rolebinding',
  'secret',
  'service',
  'svc',
  'serviceaccount',
  'sa',
  'token',
]);

const SUBCOMMAND_FLAGS = [
  'image',
  'port',
  'replicas',
  'tcp',
  'from-literal',
  'from-file',
  'schedule',
  'verb',
  'resource',
];

export const create: KubectlVerb = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  help: `Create a resource from a file or from stdin.

 JSON and YAML formats are accepted. In chat, "-f -" reads the code block that follows the command, and "-f NAME" reads a file saved with /file save NAME (or an attached file of that name).

Examples:
  # Create a pod using the data in kubia-manual.yaml
  kubectl create -f kubia-manual.yaml

  # Create a pod from the code block after the command
  kubectl create -f -

  # Create a namespace
  kubectl create namespace custom-namespace

  # Create the pod of a manifest in another namespace
  kubectl create -f kubia-manual.yaml -n custom-namespace

Available Commands:
  namespace             Create a namespace with the specified name

Options:
    --dry-run='none': Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.
    -f, --filename=[]: Filename, directory, or URL to files to use to create the resource
    -o, --output='': Output format. One of: (json, yaml, name).
    --save-config=false: If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.
    --validate='strict': Must be one of: strict (or true), warn, ignore (or false).

Usage:
  kubectl create -f FILENAME [options]`,
  flags: [
    { name: 'filename', short: 'f', type: 'list' },
    RECURSIVE_FLAG,
    DRY_RUN_FLAG,
    ...OBJECT_PRINTER_FLAGS,
    { name: 'save-config', type: 'bool' },
    { name: 'validate', type: 'string' },
    // Flags of the subcommands this cluster cannot serve, so that they reach "not available":
    // taken whole, as no value of theirs is read (`--from-literal='a="b'` is no CSV error).
    ...SUBCOMMAND_FLAGS.map((name) => ({ name, type: 'array' as const })),
  ],
  run(ctx, line) {
    const [sub, ...names] = line.args;
    if (sub !== undefined && OTHER_SUBCOMMANDS.has(sub))
      return err(kubectlError('notSimulated', { verb: `create ${sub}` }));
    const foreign = SUBCOMMAND_FLAGS.find((f) => line.flags.has(f));
    if (foreign !== undefined)
      return err(kubectlError('unknownFlag', { flag: `--${foreign}`, verb: 'create' }));
    if (sub === 'namespace' || sub === 'ns') return createNamespaceCommand(ctx, line, names);
    if (sub !== undefined)
      return err(
        kubectlError('usage', { message: `Unexpected args: [${line.args.join(' ')}]`, verb: 'create' }),
      );
    if (flagList(line, 'filename').length === 0)
      return err(kubectlError('plain', { message: 'must specify one of -f and -k' }));
    const dryRun = dryRunOf(line);
    if (!dryRun.ok) return dryRun;
    const validation = validationOf(line);
    if (!validation.ok) return validation;
    const output = printFormatOf(line, ctx.cluster.files);
    if (!output.ok) return output;
    const files = readFiles(ctx, line);
    if (!files.ok) return files;
    const run = newCreateRun(ctx, line, {
      dryRun: dryRun.value,
      validation: validation.value,
      output: output.value,
    });
    let count = 0;
    for (const file of files.value) {
      for (const object of file.objects) {
        createObject(run, object);
        count++;
      }
      if (file.error !== null) fail(run.batch, file.error);
    }
    if (count === 0 && run.batch.errors.length === 0)
      return err(kubectlError('plain', { message: 'no objects passed to create' }));
    return printedRun(run.batch, run.printed, run.output, line);
  },
};

/** `kubectl create namespace NAME`: exactly one name; the server checks it, not kubectl. */
function createNamespaceCommand(ctx: VerbContext, line: ParsedLine, names: readonly string[]) {
  const verb = 'create namespace';
  const name = names[0];
  if (names.length !== 1 || name === undefined)
    return err(kubectlError('usage', { message: `exactly one NAME is required, got ${names.length}`, verb }));
  const dryRun = dryRunOf(line);
  if (!dryRun.ok) return dryRun;
  const checked = outputOf(flagString(line, 'output'));
  if (!checked.ok) return checked;
  const output = checked.value;
  if (dryRun.value === 'client') {
    const printed = printedOutput([{ json: namespaceTemplate(name) }], output, ctx.cluster);
    if (!printed.ok) return printed;
    const text = printed.value ?? successLine('Namespace', name, 'created', 'client', output);
    return ok(outcome([stdout(text)]));
  }
  const created = createNamespace(ctx.cluster, { name, labels: {}, annotations: {} }, ctx.ids);
  if (!created.ok) return err(fromStatus(created.error));
  const printed = printedOutput([{ object: created.value.namespace }], output, ctx.cluster);
  if (!printed.ok) return printed;
  const text = printed.value ?? successLine('Namespace', name, 'created', dryRun.value, output);
  return ok(outcome([stdout(text)], dryRun.value === 'none' ? created.value.changes : []));
}

/** What `create namespace X --dry-run=client -o yaml` prints: the client's object, unsent. */
function namespaceTemplate(name: string) {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { creationTimestamp: null, name },
    spec: {},
    status: {},
  };
}
