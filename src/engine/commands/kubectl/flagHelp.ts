// kubectl's own descriptions of the flags whose CommandSpec carries none, for `--help` (commandHelp.ts): per command,
// from k8s.io/kubectl/pkg/cmd/<verb>/<verb>.go (describe, events, apiresources, version, apply, create/create_*.go,
// replace, label, annotate, patch, wait, run, expose, taint, top/top_pod.go and top_node.go, autoscale, exec), then
// the shared ones from cmdutil (AddApplyAnnotationFlags, AddLabelSelectorFlagVar, ...) and the get/delete flag sets.

/** by the kubectl command the description comes from, then by flag name */
const BY_COMMAND: Record<string, Record<string, string>> = {
  describe: {
    'show-events':
      'If true, display events related to the described object. Defaults to true for a single object, false for multiple objects and prefix matching.',
  },
  events: {
    for: 'Filter events to only those pertaining to the specified resource.',
    types: 'Output only events of given types.',
    'no-headers': "When using the default output format, don't print headers.",
  },
  'api-resources': {
    namespaced:
      'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.',
    'api-group': 'Limit to resources in the specified API group.',
    verbs: 'Limit to resources that support the specified verbs.',
    'sort-by':
      "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'.",
  },
  version: {
    client: 'If true, shows client version only (no server required).',
    output: "One of 'yaml' or 'json'.",
  },
  apply: {
    'force-conflicts': 'If true, server-side apply will force the changes against conflicts.',
    overwrite:
      'Automatically resolve conflicts between the modified and live configuration by using values from the modified configuration',
  },
  'create deployment': {
    image: 'Image names to run. A deployment can have multiple images set for multi-container pod.',
    replicas: 'Number of replicas to create. Default is 1.',
    port: 'The containerPort that this deployment exposes.',
  },
  'create configmap': {
    'from-literal': 'Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)',
    'from-file':
      'Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.  Specifying a directory will iterate each named file in the directory whose basename is a valid configmap key.',
    'from-env-file': 'Specify the path to a file to read lines of key=val pairs to create a configmap.',
  },
  'create service': {
    tcp: "Port pairs can be specified as '<port>:<targetPort>'.",
    clusterip: "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing).",
    'node-port': 'Port used to expose the service on each node in a cluster.',
  },
  'create poddisruptionbudget': {
    selector:
      'A label selector to use for this budget. Only equality-based selector requirements are supported.',
    'min-available': 'The minimum number or percentage of available pods this budget requires.',
    'max-unavailable': 'The maximum number or percentage of unavailable pods this budget requires.',
  },
  'create token': {
    duration:
      'Requested lifetime of the issued token. If not set or if set to 0, the lifetime will be determined by the server automatically. The server may return a token with a longer or shorter lifetime.',
    audience:
      'Audience of the requested token. If unset, defaults to requesting a token for use with the Kubernetes API server. May be repeated to request a token valid for multiple audiences.',
  },
  label: {
    overwrite:
      'If true, allow labels to be overwritten, otherwise reject label updates that overwrite existing labels.',
    'resource-version':
      'If non-empty, the labels update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.',
    list: 'If true, display the labels for a given resource.',
  },
  annotate: {
    overwrite:
      'If true, allow annotations to be overwritten, otherwise reject annotation updates that overwrite existing annotations.',
    'resource-version':
      'If non-empty, the annotation update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.',
  },
  patch: {
    patch: 'The patch to be applied to the resource JSON file.',
    'patch-file': 'A file containing a patch to be applied to the resource.',
    type: 'The type of patch being provided; one of [json merge strategic]',
    subresource: 'SubResource such as pod/log or deployment/scale',
    local: 'If true, patch will operate on the content of the file, not the server-side resource.',
  },
  wait: {
    for: "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]]. The default condition-value is true. Condition values are compared after Unicode simple case folding, which is a more general form of case-insensitivity. Multiple conditions are supported and AND'ed to each other in a sequential order. If --for=create is passed, it is always waited first.",
    timeout:
      "The length of time to wait before giving up. Zero means check once and don't wait, negative means wait for a week.",
  },
  run: {
    image: 'The image for the container to run.',
    labels: 'Comma separated labels to apply to the pod. Will override previous values.',
    port: 'The port that this container exposes.',
    restart: 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].',
    env: 'Environment variables to set in the container.',
    command:
      "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default.",
    'image-pull-policy':
      'The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server.',
    rm: "If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with '--attach' or with '-i/--stdin'.",
    stdin: 'Keep stdin open on the container in the pod, even if nothing is attached.',
    tty: 'Allocate a TTY for the container in the pod.',
  },
  expose: {
    port: 'The port that the service should serve on. Copied from the resource being exposed, if unspecified',
    'target-port':
      'Name or number for the port on the container that the service should direct traffic to. Optional.',
    protocol: "The network protocol for the service to be created. Default is 'TCP'.",
    type: "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'.",
    name: 'The name for the newly created object.',
    selector:
      'A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the resource being exposed.',
  },
  taint: {
    overwrite:
      'If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints.',
    all: 'Select all nodes in the cluster',
  },
  'top pod': {
    containers: 'If present, print usage of containers within a pod.',
    'no-headers': 'If present, print output without headers.',
    'sort-by':
      "If non-empty, sort pods list using specified field. The field can be either 'cpu' or 'memory'.",
  },
  'top node': {
    'no-headers': 'If present, print output without headers',
    'sort-by':
      "If non-empty, sort nodes list using specified field. The field can be either 'cpu' or 'memory'.",
  },
  autoscale: {
    min: "The lower limit for the number of pods that can be set by the autoscaler. If it's not specified or negative, the server will apply a default value.",
    max: 'The upper limit for the number of pods that can be set by the autoscaler. Required.',
    'cpu-percent':
      "The target average CPU utilization (represented as a percent of requested CPU) over all the pods. If it's not specified or negative, a default autoscaling policy will be used.",
    name: 'The name for the newly created object. If not specified, the name of the input resource will be used.',
  },
  exec: {
    stdin: 'Pass stdin to the container',
    tty: 'Stdin is a TTY',
    quiet: 'Only print output from the remote session',
  },
};

/** descriptions kubectl gives a flag the same way on every command that has it */
const COMMON: Record<string, string> = {
  container:
    'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen',
  'dry-run':
    'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
  'save-config':
    'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
  selector:
    "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
  'all-namespaces':
    'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
  'no-headers':
    "When using the default or custom-column output format, don't print headers (default print headers).",
  recursive:
    'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
  force:
    'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.',
  'grace-period':
    'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).',
};

/** kubesim's spellings of a command (aliases, the service types) -> the kubectl command that documents its flags */
function documentingCommand(path: string): string {
  if (path.startsWith('create deploy')) return 'create deployment';
  if (path === 'create configmap' || path === 'create cm') return 'create configmap';
  if (path.startsWith('create service') || path.startsWith('create svc')) return 'create service';
  if (path === 'create poddisruptionbudget' || path === 'create pdb') return 'create poddisruptionbudget';
  if (path.startsWith('top p')) return 'top pod';
  if (path.startsWith('top n')) return 'top node';
  return path;
}

/** kubectl's description of a flag of `kubectl <path>`, when kubesim's spec has none */
export function kubectlFlagHelp(path: readonly string[], flag: string): string | undefined {
  return BY_COMMAND[documentingCommand(path.join(' '))]?.[flag] ?? COMMON[flag];
}
