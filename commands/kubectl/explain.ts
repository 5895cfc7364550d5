import { DEFINITIONS, type Definition, type FieldDefinition } from '../../src/cluster/openapi/discovery.ts';
import { kubectlError } from '../../src/kubectl/errors.ts';
import { explainHeader, renderExplain } from '../../src/kubectl/explain/render.ts';
import { explainTarget } from '../../src/kubectl/explain/target.ts';
import { flagBool, flagString } from '../../src/kubectl/flags.ts';
import { qualifiedName } from '../../src/kubectl/resources.ts';
import { type KubectlVerb, outcome, stderr, stdout } from '../../src/kubectl/verb.ts';
import { err, ok } from '../../src/result.ts';

export const explain: KubectlVerb = {
  name: 'explain',
  short: 'Get documentation for a resource',
  help: `Describe fields and structure of various resources.

 This command describes the fields associated with each supported API resource. Fields are identified via a simple JSONPath identifier:

        <type>.<fieldName>[.<fieldName>]

 Information about each field is retrieved from the server in OpenAPI format.

Use "kubectl api-resources" for a complete list of supported resources.

Examples:
  # Get the documentation of the resource and its fields
  kubectl explain pods

  # Get all the fields in the resource
  kubectl explain pods --recursive

  # Get the explanation for deployment in supported api versions
  kubectl explain deployments --api-version=apps/v1

  # Get the documentation of a specific field of a resource
  kubectl explain pods.spec.containers

Options:
    --api-version='': Use given api-version (group/version) of the resource.
    --recursive=false: When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.

Usage:
  kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [options]`,
  flags: [
    { name: 'recursive', type: 'bool' },
    { name: 'api-version', type: 'string' },
    { name: 'output', short: 'o', type: 'string' },
  ],
  run(_ctx, line) {
    const target = line.args[0];
    if (target === undefined) {
      return err(
        kubectlError('plain', {
          message:
            'You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.',
        }),
      );
    }
    const found = explainTarget(target, flagString(line, 'api-version') ?? '');
    if (!found.ok) return found;
    const { resource, path } = found.value;
    const root = DEFINITIONS[resource.schema];
    if (root === undefined)
      return err(kubectlError('unknownResourceType', { type: qualifiedName(resource) }));
    let type: Definition | undefined = root;
    let field: { name: string; schema: FieldDefinition } | null = null;
    // The path is bounded: explainTarget reads it as a JSONPath, which has a length cap.
    for (const name of path) {
      const schema: FieldDefinition | undefined = type?.f[name];
      // kubectl has printed the kind's header by the time it finds the field missing, and its
      // template names the path's last field, whichever one is missing.
      if (schema === undefined)
        return ok(
          outcome(
            [
              stdout(explainHeader(resource).trimEnd()),
              stderr(`\nerror: field "${path.at(-1) ?? name}" does not exist`),
            ],
            [],
            1,
          ),
        );
      field = { name, schema };
      type = schema.r === undefined ? undefined : DEFINITIONS[schema.r];
    }
    const description =
      field === null ? (type?.d ?? '') : [field.schema.d, type?.d].filter((d) => d !== undefined).join('\n');
    const text = renderExplain({
      group: resource.group,
      kind: resource.kind,
      version: resource.version,
      field,
      description: `${description}\n`,
      type: type ?? null,
      recursive: flagBool(line, 'recursive'),
      lookup: (key) => DEFINITIONS[key],
    });
    return ok(outcome([stdout(text)]));
  },
};
