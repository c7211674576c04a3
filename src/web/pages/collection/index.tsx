// The collection pages: provinces' reports (status board, entry grid, review, completeness, calendar)
// and the administrators' accounts and audit log. App.tsx sends /collection, /collection/*,
// /admin/accounts and /admin/audit here; these routes are absolute.
import { Link, Route, Switch } from 'wouter';
import { useTitle, useTo } from '../../nav.ts';
import { AccountsPage } from './Accounts.tsx';
import { AuditPage } from './AuditLog.tsx';
import { CalendarPage } from './Calendar.tsx';
import { useT } from './common.tsx';
import { CompletenessPage } from './Completeness.tsx';
import { EntryPage } from './EntryPage.tsx';
import { ReviewPage, ReviewQueuePage } from './Review.tsx';
import { StatusBoardPage } from './StatusBoard.tsx';

export default function CollectionRoutes() {
  return (
    <Switch>
      <Route path="/collection"><StatusBoardPage /></Route>
      <Route path="/collection/status"><StatusBoardPage /></Route>
      <Route path="/collection/entry"><EntryPage /></Route>
      <Route path="/collection/review"><ReviewQueuePage /></Route>
      <Route path="/collection/review/:id">{(p) => <ReviewPage key={p.id} id={p.id} />}</Route>
      <Route path="/collection/completeness"><CompletenessPage /></Route>
      <Route path="/collection/calendar"><CalendarPage /></Route>
      <Route path="/admin/accounts"><AccountsPage /></Route>
      <Route path="/admin/audit"><AuditPage /></Route>
      <Route><Missing /></Route>
    </Switch>
  );
}

function Missing() {
  const t = useT();
  const to = useTo();
  useTitle(t.missingTitle);
  return (
    <div className="page">
      <h1 className="page-title">{t.missingTitle}</h1>
      <p><Link href={to('/collection')}>{t.backToStatus}</Link></p>
    </div>
  );
}
