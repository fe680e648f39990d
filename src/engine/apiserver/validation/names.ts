// Name and value format checks with apimachinery's exact messages (k8s.io/apimachinery/pkg/util/validation).
import {
  isQualifiedName as checkQualifiedName,
  isValidLabelValue as checkLabelValue,
  regexError,
} from '../../labels/validation';
import { ValidMemo } from './validMemo';

export { regexError };

export const maxLenError = (n: number): string => `must be no more than ${n} characters`;
export const inclusiveRangeError = (lo: number, hi: number): string =>
  `must be between ${lo} and ${hi}, inclusive`;

const dns1123LabelFmt = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const dns1123LabelErrMsg =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const dns1123SubdomainFmt = `${dns1123LabelFmt}(\\.${dns1123LabelFmt})*`;
const dns1123SubdomainErrMsg =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const dns1035LabelFmt = '[a-z]([-a-z0-9]*[a-z0-9])?';
const dns1035LabelErrMsg =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
const dns1123LabelRe = new RegExp(`^${dns1123LabelFmt}$`);
const dns1035LabelRe = new RegExp(`^${dns1035LabelFmt}$`);

/** validation.IsDNS1123Label */
export function checkDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLenError(63));
  if (!dns1123LabelRe.test(value)) {
    // a valid subdomain that is not a label: since length is already checked, it must be dots
    if (matchesDNS1123Subdomain(value)) errs.push('must not contain dots');
    else errs.push(regexError(dns1123LabelErrMsg, dns1123LabelFmt, 'my-name', '123-abc'));
  }
  return errs;
}

/**
 * Whether value matches dns1123SubdomainFmt, by one scan of its characters: dot-separated labels of [a-z0-9-] that
 * start and end with [a-z0-9]. Object names are mostly new (generated, or an Event's `<object>.<nanos>`), so a memo
 * of valid names would only miss; this is the fast test they need.
 */
export function matchesDNS1123Subdomain(value: string): boolean {
  // prev: 0 at the start of a label, 1 after [a-z0-9], 2 after '-'
  let prev = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) prev = 1;
    else if (c === 45 && prev !== 0) prev = 2;
    else if (c === 46 && prev === 1) prev = 0;
    else return false;
  }
  return prev === 1;
}

/** validation.IsDNS1123Subdomain */
export function checkDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push(maxLenError(253));
  if (!matchesDNS1123Subdomain(value))
    errs.push(regexError(dns1123SubdomainErrMsg, dns1123SubdomainFmt, 'example.com'));
  return errs;
}

/** validation.IsDNS1035Label */
export function checkDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLenError(63));
  if (!dns1035LabelRe.test(value))
    errs.push(regexError(dns1035LabelErrMsg, dns1035LabelFmt, 'my-name', 'abc-123'));
  return errs;
}

// the same names, label keys and values come back request after request: their valid strings are remembered
export const qualifiedNames = new ValidMemo(checkQualifiedName);
export const labelValues = new ValidMemo(checkLabelValue);
const dns1123Labels = new ValidMemo(checkDNS1123Label);
const dns1123Subdomains = new ValidMemo(checkDNS1123Subdomain);
const dns1035Labels = new ValidMemo(checkDNS1035Label);
/** validation.IsQualifiedName (memoised) */
export const isQualifiedName = qualifiedNames.run;
/** validation.IsValidLabelValue (memoised) */
export const isValidLabelValue = labelValues.run;
/** validation.IsDNS1123Label (memoised) */
export const isDNS1123Label = dns1123Labels.run;
/** validation.IsDNS1123Subdomain (memoised) */
export const isDNS1123Subdomain = dns1123Subdomains.run;
/** validation.IsDNS1035Label (memoised) */
export const isDNS1035Label = dns1035Labels.run;

/** a generateName prefix may end in '-': apimachinery masks it before checking */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? name.slice(0, -1) + 'a' : name;
}

export type NameValidator = (name: string, prefix: boolean) => string[];
/** apimachinery/pkg/api/validation NameIsDNSSubdomain / NameIsDNSLabel / NameIsDNS1035Label */
export const nameIsDNSSubdomain: NameValidator = (n, prefix) =>
  prefix ? isDNS1123Subdomain(maskTrailingDash(n)) : checkDNS1123Subdomain(n);
export const nameIsDNSLabel: NameValidator = (n, prefix) => isDNS1123Label(prefix ? maskTrailingDash(n) : n);
export const nameIsDNS1035Label: NameValidator = (n, prefix) =>
  isDNS1035Label(prefix ? maskTrailingDash(n) : n);

/** validation.IsValidPortNum */
export function isValidPortNum(port: number): string[] {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

/** validation.IsValidPortName (IANA_SVC_NAME) */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (port.length > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(port))
    errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-')))
    errs.push('must not begin or end with a hyphen');
  return errs;
}

const configMapKeyFmt = '[-._a-zA-Z0-9]+';
/** validation.IsConfigMapKey (also Secret keys) */
export function isConfigMapKey(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push(maxLenError(253));
  if (!new RegExp(`^${configMapKeyFmt}$`).test(value)) {
    errs.push(
      regexError(
        "a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
        configMapKeyFmt,
        'key.name',
        'KEY_NAME',
        'key-name',
      ),
    );
  }
  errs.push(...hasChDirPrefix(value));
  return errs;
}

/** validation.hasChDirPrefix */
function hasChDirPrefix(value: string): string[] {
  if (value === '.') return ["must not be '.'"];
  if (value === '..') return ["must not be '..'"];
  if (value.startsWith('..')) return ["must not start with '..'"];
  return [];
}

const envVarNameFmt = '[-._a-zA-Z][-._a-zA-Z0-9]*';
const envVarNameRe = new RegExp(`^${envVarNameFmt}$`);
/** validation.IsEnvVarName (the strict form kubectl checks `set env` names with) */
export function isEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (!envVarNameRe.test(value)) {
    errs.push(
      regexError(
        "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
        envVarNameFmt,
        'my.env-name',
        'MY_ENV.NAME',
        'MyEnv1',
      ),
    );
  }
  errs.push(...hasChDirPrefix(value));
  return errs;
}

const percentFmt = '[0-9]+%';
/** validation.IsValidPercent */
export function isValidPercent(percent: string): string[] {
  if (/^[0-9]+%$/.test(percent)) return [];
  return [
    regexError(
      "a valid percent string must be a numeric string followed by an ending '%'",
      percentFmt,
      '1%',
      '93%',
    ),
  ];
}

/** validation.IsRelaxedEnvVarName (RelaxedEnvironmentVariableValidation, on by default) */
export function isRelaxedEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (!/^[ -<>-~]+$/.test(value)) {
    errs.push(
      "a valid environment variable name must consist only of printable ASCII characters other than '='",
    );
  }
  return errs;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
/** netutils.ParseIPSloppy-ish: dotted IPv4 or an IPv6 literal */
export function isIP(value: string): boolean {
  if (IPV4.test(value)) return true;
  return value.includes(':') && /^[0-9a-fA-F:.]+$/.test(value) && (value.match(/::/g) ?? []).length <= 1;
}

/** validation.IsValidIP message */
export const INVALID_IP_MSG = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';
