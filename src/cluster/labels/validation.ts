/**
 * Name, label-key and label-value checks, message for message as
 * apimachinery `pkg/util/validation/validation.go` at Kubernetes v1.34.
 *
 * Each function returns the list of messages upstream would return; an empty
 * list means the input is valid. Callers join them the way upstream does
 * (`; ` for label keys and values in selectors and object metadata).
 *
 * Lengths are measured in UTF-8 bytes because Go's `len()` counts bytes; a key
 * of 32 `é` is "too long" upstream even though it is 32 characters.
 */

export const QUALIFIED_NAME_MAX_LENGTH = 63;
export const LABEL_VALUE_MAX_LENGTH = 63;
export const DNS1123_LABEL_MAX_LENGTH = 63;
export const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;

const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QUALIFIED_NAME_ERR_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`;
const LABEL_VALUE_ERR_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_LABEL_ERR_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";

const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_SUBDOMAIN_ERR_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";

// Go's regexp.MatchString with explicit ^...$ anchors; JS `$` without the `m`
// flag also only matches at the very end, so the semantics are identical.
const anchored = (fmt: string): RegExp => new RegExp(`^${fmt}$`);
const qualifiedNameRegexp = anchored(QUALIFIED_NAME_FMT);
const labelValueRegexp = anchored(LABEL_VALUE_FMT);
const dns1123LabelRegexp = anchored(DNS1123_LABEL_FMT);
const dns1123SubdomainRegexp = anchored(DNS1123_SUBDOMAIN_FMT);

/**
 * Go `len(s)`: the number of UTF-8 bytes, counted without encoding (every label, name and value
 * of every write is measured). A lone surrogate counts 3, as the replacement character it would
 * be encoded as.
 */
export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Upstream `EmptyError()`. */
export const EMPTY_ERROR = 'must be non-empty';

/** Upstream `MaxLenError` (v1.34 says "characters"; v1.35 label checks say "bytes"). */
export function maxLenError(length: number): string {
  return `must be no more than ${length} characters`;
}

/**
 * Upstream `RegexError`. Every example is written as `'X', ` and joined with
 * ` or `, which is why the real messages have two spaces before each `or`.
 */
export function regexError(message: string, fmt: string, ...examples: readonly string[]): string {
  if (examples.length === 0) return `${message} (regex used for validation is '${fmt}')`;
  const shown = examples.map((example) => `'${example}', `).join(' or ');
  return `${message} (e.g. ${shown}regex used for validation is '${fmt}')`;
}

const nameRegexError = (): string =>
  regexError(QUALIFIED_NAME_ERR_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc');

/** Upstream `IsDNS1123Subdomain`: pod and node names (≤ 253, dots allowed). */
export function dns1123SubdomainErrors(name: string): string[] {
  const errors: string[] = [];
  if (byteLength(name) > DNS1123_SUBDOMAIN_MAX_LENGTH) errors.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!dns1123SubdomainRegexp.test(name)) {
    errors.push(regexError(DNS1123_SUBDOMAIN_ERR_MSG, DNS1123_SUBDOMAIN_FMT, 'example.com'));
  }
  return errors;
}

/**
 * Upstream `IsDNS1123Label`: namespace and container names (≤ 63, no dots).
 * When the only problem is dots (the text would be a valid subdomain), upstream
 * says just `must not contain dots`; the subdomain test ignores length on purpose.
 */
export function dns1123LabelErrors(name: string): string[] {
  const errors: string[] = [];
  if (byteLength(name) > DNS1123_LABEL_MAX_LENGTH) errors.push(maxLenError(DNS1123_LABEL_MAX_LENGTH));
  if (!dns1123LabelRegexp.test(name)) {
    errors.push(
      dns1123SubdomainRegexp.test(name)
        ? 'must not contain dots'
        : regexError(DNS1123_LABEL_ERR_MSG, DNS1123_LABEL_FMT, 'my-name', '123-abc'),
    );
  }
  return errors;
}

/** The prefix half of a label key: empty, or every subdomain message prefixed. */
function prefixPartErrors(prefix: string): string[] {
  if (prefix.length === 0) return [`prefix part ${EMPTY_ERROR}`];
  return dns1123SubdomainErrors(prefix).map((message) => `prefix part ${message}`);
}

/** The name half of a label key. Empty names get both the empty and the regex message. */
function namePartErrors(name: string): string[] {
  const errors: string[] = [];
  if (name.length === 0) errors.push(`name part ${EMPTY_ERROR}`);
  else if (byteLength(name) > QUALIFIED_NAME_MAX_LENGTH) {
    errors.push(`name part ${maxLenError(QUALIFIED_NAME_MAX_LENGTH)}`);
  }
  if (!qualifiedNameRegexp.test(name)) errors.push(`name part ${nameRegexError()}`);
  return errors;
}

/** Upstream `IsQualifiedName`: label keys, `[prefix/]name`. */
export function qualifiedNameErrors(key: string): string[] {
  const parts = key.split('/');
  const [first = '', second = ''] = parts;
  if (parts.length === 1) return namePartErrors(first);
  if (parts.length === 2) return [...prefixPartErrors(first), ...namePartErrors(second)];
  // Two or more slashes: one summary message and nothing else (no name checks).
  return [
    `a qualified name ${nameRegexError()} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
  ];
}

/** Upstream `IsValidLabelValue`: may be empty, ≤ 63 bytes. */
export function labelValueErrors(value: string): string[] {
  const errors: string[] = [];
  if (byteLength(value) > LABEL_VALUE_MAX_LENGTH) errors.push(maxLenError(LABEL_VALUE_MAX_LENGTH));
  if (!labelValueRegexp.test(value)) {
    errors.push(regexError(LABEL_VALUE_ERR_MSG, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  }
  return errors;
}

/**
 * Annotation keys (`ValidateAnnotations` in `pkg/api/validation/objectmeta.go`)
 * use the label-key rule on the lower-cased key, so `Example.com/X` is fine.
 */
export function annotationKeyErrors(key: string): string[] {
  return qualifiedNameErrors(key.toLowerCase());
}
