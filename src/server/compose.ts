// The composition root: capabilities that use each other only through interfaces are connected here,
// once, for both the server and the CLI (reports read conferences through a provider, so the reports
// module does not depend on the follow-up module).
import { setConferenceContextProvider } from '../reports/context.ts';
import { reportsConferenceContext } from '../followup/reportsProvider.ts';

setConferenceContextProvider(reportsConferenceContext);
