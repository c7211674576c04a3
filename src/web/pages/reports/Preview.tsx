// Loading the report model for the preview. The page draws the model itself (ReportView) rather than
// framing the server's HTML preview: pages may not be framed (X-Frame-Options, frame-ancestors), and a
// srcdoc frame would inherit the app's Content-Security-Policy, which refuses the preview's inline
// styles. One request per choice; a change of choice aborts the one under way.
import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../api.ts';
import type { Report } from '../../../reports/model.ts';
import { fetchReport, type Choice, type ReportFailure, type ReportType } from './choice.ts';

export interface ReportState {
  report: Report | null;
  failure: ReportFailure | null;
  loading: boolean;
  retry(): void;
}

export function useReport(url: string | null, choice: Choice, needs: ReportType['needs'] | undefined): ReportState {
  const [state, setState] = useState<{ url: string | null; report: Report | null; failure: ReportFailure | null }>({ url: null, report: null, failure: null });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!url) return;
    const ctl = new AbortController();
    fetchReport(url, choice, needs, ctl.signal).then(
      (report) => {
        setState({ url, report, failure: null });
        performance.mark('ct:report-preview');
      },
      (e: unknown) => {
        if (ctl.signal.aborted) return;
        const failure = e && typeof e === 'object' && 'field' in e ? (e as ReportFailure) : { error: e as ApiError, field: null, unreadablePeriod: null };
        setState({ url, report: null, failure });
      },
    );
    return () => ctl.abort();
    // the URL holds the whole choice: it alone decides when to load again
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url, attempt]);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  const current = state.url === url;
  return {
    report: current ? state.report : null,
    failure: current ? state.failure : null,
    loading: !!url && (!current || (state.report === null && state.failure === null)),
    retry,
  };
}
