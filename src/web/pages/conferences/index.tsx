// The conferences and follow-up pages (App.tsx sends /conferences, /conferences/*, /follow-up and
// /follow-up/* here): conferences and their host rotation, one conference, the follow-up board, the
// recommendations (triage, one recommendation, a ministry unit's inbox), tasks, difficulties.
import { Link, Route, Switch } from 'wouter';
import { useLang } from '../../i18n.ts';
import { useTo } from '../../nav.ts';
import { ConferenceList } from './ConferenceList.tsx';
import { ConferencePage } from './ConferencePage.tsx';
import { BoardPage } from './Board.tsx';
import { RecommendationsPage } from './Recommendations.tsx';
import { RecommendationPage } from './RecommendationPage.tsx';
import { InboxPage } from './Inbox.tsx';
import { TaskPage } from './TaskPage.tsx';
import { DifficultiesPage } from './Difficulties.tsx';

export default function ConferenceRoutes() {
  return (
    <Switch>
      <Route path="/conferences"><ConferenceList /></Route>
      <Route path="/conferences/:slug">{(p) => <ConferencePage key={p.slug} slug={p.slug} />}</Route>
      <Route path="/follow-up"><BoardPage /></Route>
      <Route path="/follow-up/board"><BoardPage /></Route>
      <Route path="/follow-up/recommendations"><RecommendationsPage /></Route>
      <Route path="/follow-up/recommendations/:id">{(p) => <RecommendationPage key={p.id} id={p.id} />}</Route>
      <Route path="/follow-up/inbox"><InboxPage /></Route>
      <Route path="/follow-up/tasks/:id">{(p) => <TaskPage key={p.id} id={p.id} />}</Route>
      <Route path="/follow-up/difficulties"><DifficultiesPage /></Route>
      <Route><NotFound /></Route>
    </Switch>
  );
}

function NotFound() {
  const { t } = useLang();
  const to = useTo();
  return (
    <div className="page">
      <h1 className="page-title">{t.notFoundTitle}</h1>
      <p>{t.notFoundBody}</p>
      <p><Link href={to('/conferences')}>{t.navConferences}</Link></p>
    </div>
  );
}
