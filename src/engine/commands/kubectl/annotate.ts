// `kubectl annotate TYPE NAME k=v k2-`: update metadata.annotations (values may contain `=`); always prints `annotated`.
// mirrors k8s.io/kubectl/pkg/cmd/annotate/annotate.go; shares label.ts's engine.
import type { CommandSpec } from '../types';
import { metadataMapCommand } from './label';

export const annotateCommand: CommandSpec = metadataMapCommand(
  'annotate',
  'annotations',
  'Update the annotations on a resource',
);
