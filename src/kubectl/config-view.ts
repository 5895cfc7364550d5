import { err, ok, type Result } from '../result.ts';
import { type KubectlError, kubectlError, renderError } from './errors.ts';
import { type FlagSpec, flagBool, parseFlags } from './flags.ts';
import { type Kubeconfig, kubeconfigV1 } from './kubeconfig.ts';
import { goJsonInOrder, goYaml } from './printers/go-yaml.ts';
import { OBJECT_PRINTER_FLAGS, objectFormatsError } from './printers/object-printer.ts';
import {
  printFlagsOf,
  type TemplateFiles,
  templateFormat,
  templatePrinter,
  withTemplate,
} from './printers/template-output.ts';
import { allowMissingKeysOf } from './template-keys-flag.ts';

/**
 * `kubectl config view` (kubectl 1.33 pkg/cmd/config/view.go) over the member's kubeconfig, which
 * is what `$KUBECONFIG` names for them (never an explicit `--kubeconfig` file, so `--merge=false`
 * is refused as kubectl refuses it then). Without `--raw` or `--flatten` the secrets are
 * shortened as kubectl shortens them; `--minify` keeps the current context (or `--context`) and
 * what it names. `-o` is yaml by default, json, name, or a template printer.
 */
export interface ViewPrinted {
  output: string;
  error: string | null;
  /** The secrets were asked for raw: the chat says why the token still reads REDACTED. */
  raw: boolean;
}

const FLAGS: readonly FlagSpec[] = [
  { name: 'minify', type: 'bool' },
  { name: 'raw', type: 'bool' },
  { name: 'flatten', type: 'bool' },
  { name: 'merge', type: 'bool' },
  ...OBJECT_PRINTER_FLAGS,
];

export function configView(
  words: readonly string[],
  config: Kubeconfig,
  context: string | null,
  files: TemplateFiles,
): Result<ViewPrinted, KubectlError> {
  const line = parseFlags(words, FLAGS, 'config view');
  if (!line.ok) return line;
  if (flagBool(line.value, 'help')) return ok({ output: VIEW_HELP, error: null, raw: false });
  const { args } = line.value;
  if (args.length > 0)
    return err(
      kubectlError('usage', { message: `unexpected arguments: [${args.join(' ')}]`, verb: 'config view' }),
    );
  const failed = (message: string) => ok({ output: '', error: `error: ${message}`, raw: false });
  if (line.value.flags.get('merge') === false)
    return failed('if merge==false a precise file must be specified');
  const { asked, template, clash } = printFlagsOf(line.value);
  if (clash) return failed(objectFormatsError(asked));
  const format = withTemplate(asked, template) || 'yaml';
  const named = templateFormat(format);
  if (named === null && !['yaml', 'json', 'name'].includes(format)) return failed(objectFormatsError(format));
  const printer =
    named === null
      ? null
      : templatePrinter(named.format, named.template, files, allowMissingKeysOf(line.value));
  if (printer !== null && !printer.ok) return failed(printer.error);
  const raw = flagBool(line.value, 'raw') || flagBool(line.value, 'flatten');
  let shown = config;
  if (flagBool(line.value, 'minify')) {
    const minified = minify(config, context ?? config.currentContext);
    if (!minified.ok) return failed(minified.error);
    shown = minified.value;
  }
  const document = kubeconfigV1(shown, raw);
  const said = (output: string) => ok({ output, error: null, raw });
  if (format === 'name') return said('config/<unknown>');
  if (format === 'json') return said(goJsonInOrder(document));
  if (printer === null) return said(goYaml(document).trimEnd());
  const printed = printer.value.print(document);
  return ok({
    // Lines are joined with newlines: the one a printer ends with (jsonpath-as-json's) is that join.
    output: printed.error === null ? printed.text.replace(/\n$/, '') : printed.text,
    error: printed.error === null ? null : `error: ${printed.error}`,
    raw,
  });
}

/** clientcmdapi.MinifyConfig: the one context, its cluster and its user. */
function minify(config: Kubeconfig, name: string): Result<Kubeconfig, string> {
  if (name === '') return err('current-context must exist in order to minify');
  const context = config.contexts.find((c) => c.name === name);
  if (context === undefined) return err(`cannot locate context ${name}`);
  const clusters = config.clusters.filter((c) => c.name === context.cluster);
  if (clusters.length === 0) return err(`cannot locate cluster ${context.cluster}`);
  const users = config.users.filter((u) => u.name === context.user);
  if (users.length === 0) return err(`cannot locate user ${context.user}`);
  return ok({ clusters, users, contexts: [context], currentContext: name });
}

/** What a view printed, as one text (its error after its output). */
export const viewText = (printed: Result<ViewPrinted, KubectlError>): { text: string; ok: boolean } =>
  printed.ok
    ? {
        text: [printed.value.output, printed.value.error].filter((x) => x !== null && x !== '').join('\n'),
        ok: printed.value.error === null,
      }
    : { text: renderError(printed.error), ok: false };

/** `kubectl config view --help`, as kubectl 1.33 prints it. */
const VIEW_HELP = `Display merged kubeconfig settings or a specified kubeconfig file.

 You can use --output jsonpath={...} to extract specific values using a jsonpath expression.

Examples:
  # Show merged kubeconfig settings
  kubectl config view
  
  # Show merged kubeconfig settings, raw certificate data, and exposed secrets
  kubectl config view --raw
  
  # Get the password for the e2e user
  kubectl config view -o jsonpath='{.users[?(@.name == "e2e")].user.password}'

Options:
    --allow-missing-template-keys=true:
	If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.

    --flatten=false:
	Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)

    --merge=true:
	Merge the full hierarchy of kubeconfig files

    --minify=false:
	Remove all information not used by current-context from the output

    -o, --output='yaml':
	Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).

    --raw=false:
	Display raw byte data and sensitive data

    --show-managed-fields=false:
	If true, keep the managedFields when printing objects in JSON or YAML format.

    --template='':
	Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].

Usage:
  kubectl config view [flags] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).`;
