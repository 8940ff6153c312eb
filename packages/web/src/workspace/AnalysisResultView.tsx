import { DescribeResultView } from './DescribeResultView';
import { GlmResultView } from './GlmResultView';
import { KmResultView } from './KmResultView';
import { TableResultView } from './TableResultView';
import type { AnalysisRun } from './types';

/** An analysis' answer, shown as its kind reads. */
export function AnalysisResultView({ run }: { run: AnalysisRun }) {
  switch (run.kind) {
    case 'describe':
      return <DescribeResultView run={run} />;
    case 'table':
      return <TableResultView run={run} />;
    case 'km':
      return <KmResultView run={run} />;
    default:
      return <GlmResultView run={run} />;
  }
}
