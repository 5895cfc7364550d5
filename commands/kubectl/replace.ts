import { cascadeOf, warnedFirst } from '../../src/kubectl/cascade-flag.ts';
import { DELETE_FLAGS } from '../../src/kubectl/delete-flags.ts';
import { DRY_RUN_FLAG, dryRunOf } from '../../src/kubectl/dry-run-flag.ts';
import { type KubectlError, kubectlError } from '../../src/kubectl/errors.ts';
import {
  durationFlagError,
  durationFlagMs,
  flagBool,
  flagInt,
  flagList,
  flagString,
  type ParsedLine,
} from '../../src/kubectl/flags.ts';
import { fail, readFiles, validationOf } from '../../src/kubectl/manifest-batch.ts';
import { newCreateRun } from '../../src/kubectl/manifest-create.ts';
import { printedRun, printFormatOf } from '../../src/kubectl/manifest-output.ts';
import { forceReplace, type ReplaceRun, replaceObject } from '../../src/kubectl/manifest-replace.ts';
import { RECURSIVE_FLAG } from '../../src/kubectl/manifest-source.ts';
import { OBJECT_PRINTER_FLAGS } from '../../src/kubectl/printers/object-printer.ts';
import type { KubectlVerb, Outcome, VerbContext } from '../../src/kubectl/verb.ts';
import { err, type Result } from '../../src/result.ts';

/**
 * `kubectl replace -f` (and `--force`, the usual way to change what a pod's update may not):
 * replace.go's Complete and Validate in their order, then src/kubectl/manifest-replace.ts.
 * Checked with kubectl 1.33 offline and against Podium's API door.
 */
export const replace: KubectlVerb = {
  name: 'replace',
  short: 'Replace a resource by file name or stdin',
  help: `Replace a resource by file name or stdin.

 JSON and YAML formats are accepted. If replacing an existing resource, the complete resource spec must be provided. This can be obtained by

        $ kubectl get TYPE NAME -o yaml

Examples:
  # Replace a pod using the data in pod.json
  kubectl replace -f ./pod.json
  
  # Replace a pod based on the JSON passed into stdin
  cat pod.json | kubectl replace -f -
  
  # Update a single-container pod's image version (tag) to v4
  kubectl get pod mypod -o yaml | sed 's/\\(image: myimage\\):.*$/\\1:v4/' | kubectl replace -f -
  
  # Force replace, delete and then re-create the resource
  kubectl replace --force -f ./pod.json

Options:
    --allow-missing-template-keys=true:
	If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.

    --cascade='background':
	Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.

    --dry-run='none':
	Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.

    --field-manager='kubectl-replace':
	Name of the manager used to track field ownership.

    -f, --filename=[]:
	The files that contain the configurations to replace.

    --force=false:
	If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.

    --grace-period=-1:
	Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).

    -k, --kustomize='':
	Process a kustomization directory. This flag can't be used together with -f or -R.

    -o, --output='':
	Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).

    --raw='':
	Raw URI to PUT to the server.  Uses the transport specified by the kubeconfig file.

    -R, --recursive=false:
	Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.

    --save-config=false:
	If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.

    --show-managed-fields=false:
	If true, keep the managedFields when printing objects in JSON or YAML format.

    --subresource='':
	If specified, replace will operate on the subresource of the requested object.

    --template='':
	Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].

    --timeout=0s:
	The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object

    --validate='strict':
	Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.

    --wait=false:
	If true, wait for resources to be gone before returning. This waits for finalizers.

Usage:
  kubectl replace -f FILENAME [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).`,
  flags: [
    { name: 'filename', short: 'f', type: 'list' },
    RECURSIVE_FLAG,
    DRY_RUN_FLAG,
    ...OBJECT_PRINTER_FLAGS,
    { name: 'save-config', type: 'bool' },
    { name: 'validate', type: 'string' },
    ...DELETE_FLAGS,
    { name: 'subresource', type: 'string' },
    { name: 'field-manager', type: 'string' },
  ],
  run(ctx, line) {
    const timeout = durationFlagError(line, 'timeout', 'replace');
    if (timeout !== null) return err(timeout);
    const validation = validationOf(line);
    if (!validation.ok) return validation;
    const dryRun = dryRunOf(line);
    if (!dryRun.ok) return dryRun;
    const output = printFormatOf(line, ctx.cluster.files);
    if (!output.ok) return output;
    // DeleteFlags.ToOptions reads --cascade next; an old boolean value warns before all that follows.
    const cascade = cascadeOf(line);
    if (!cascade.ok) return cascade;
    const run = newCreateRun(ctx, line, {
      dryRun: dryRun.value,
      validation: validation.value,
      output: output.value,
    });
    const subresource = flagString(line, 'subresource') ?? '';
    return warnedFirst(runReplace(ctx, line, { ...run, subresource }), cascade.value.warning);
  },
};

const plain = (message: string) => err(kubectlError('plain', { message }));

function runReplace(ctx: VerbContext, line: ParsedLine, run: ReplaceRun): Result<Outcome, KubectlError> {
  const force = flagBool(line, 'force');
  let grace = flagInt(line, 'grace-period') ?? -1;
  // Complete: --grace-period=0 is made 1, and kubectl then waits for the deletion.
  const waitForDeletion = flagBool(line, 'wait') || grace === 0;
  if (grace === 0) grace = 1;
  if (flagList(line, 'filename').length === 0) return plain('must specify one of -f and -k');
  if (grace >= 0 && !force) return plain('--grace-period must have --force specified');
  const timeoutMs = durationFlagMs(line, 'timeout');
  if (timeoutMs !== 0 && !force) return plain('--timeout must have --force specified');
  if (force && run.dryRun !== 'none') return plain('--dry-run can not be used when --force is set');
  const files = readFiles(ctx, line);
  if (!files.ok) return files;
  if (force) {
    const graceSeconds = grace >= 0 ? grace : undefined;
    const kept = forceReplace(run, files.value, { graceSeconds, waitForDeletion, timeoutMs });
    return printedRun(run.batch, run.printed, run.output, line, kept);
  }
  for (const file of files.value) {
    for (const object of file.objects) replaceObject(run, object);
    if (file.error !== null) fail(run.batch, file.error);
  }
  return printedRun(run.batch, run.printed, run.output, line);
}
