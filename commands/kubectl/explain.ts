import { kubectlError } from '../../src/kubectl/errors.ts';
import { renderExplain } from '../../src/kubectl/explain/render.ts';
import { type FieldSchema, TYPES, type TypeSchema } from '../../src/kubectl/explain/schema.ts';
import { resolveResource } from '../../src/kubectl/resources.ts';
import { type KubectlVerb, outcome, stdout } from '../../src/kubectl/verb.ts';
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

  # Get the documentation of a specific field of a resource
  kubectl explain pods.spec.containers

Usage:
  kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [options]`,
  flags: [
    { name: 'recursive', type: 'bool' },
    { name: 'api-version', type: 'string' },
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
    const [resourceWord = '', ...path] = target.split('.');
    const resource = resolveResource(resourceWord);
    if (resource === undefined) return err(kubectlError('unknownResourceType', { type: resourceWord }));
    let type: TypeSchema | undefined = TYPES[resource.kind];
    if (type === undefined) return err(kubectlError('unknownResourceType', { type: resourceWord }));
    let field: { name: string; schema: FieldSchema } | null = null;
    for (const name of path) {
      const schema: FieldSchema | undefined = type?.fields[name];
      if (schema === undefined)
        return err(kubectlError('plain', { message: `field "${name}" does not exist` }));
      field = { name, schema };
      type = schema.ref === undefined ? undefined : TYPES[schema.ref];
    }
    const description =
      field === null
        ? (type?.description ?? '')
        : [field.schema.description, type?.description].filter((d) => d !== undefined).join('\n');
    return ok(outcome([stdout(renderExplain(resource.kind, field, `${description}\n`, type ?? null))]));
  },
};
