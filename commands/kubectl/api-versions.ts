import { API_VERSIONS } from '../../src/cluster/openapi/discovery.ts';
import { kubectlError } from '../../src/kubectl/errors.ts';
import { type KubectlVerb, outcome, stdout } from '../../src/kubectl/verb.ts';
import { err, ok } from '../../src/result.ts';

/** `kubectl api-versions` (apiresources/apiversions.go): the group/versions discovery serves, one a line. */
export const apiVersions: KubectlVerb = {
  name: 'api-versions',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  help: `Print the supported API versions on the server, in the form of "group/version".

Examples:
  # Print the supported API versions
  kubectl api-versions

Usage:
  kubectl api-versions [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).`,
  flags: [],
  run(_ctx, line) {
    if (line.args.length > 0)
      return err(
        kubectlError('usage', {
          message: `unexpected arguments: [${line.args.join(' ')}]`,
          verb: 'api-versions',
        }),
      );
    return ok(outcome([stdout(API_VERSIONS.join('\n'))]));
  },
};
