// The extraction pages: the reading desk (/extraction, analysts and administrators) and a saved
// figure's source (/extraction/trace, published values, readable by all like the values API).
// App.tsx sends /extraction and /extraction/* here.
import { Route, Switch } from 'wouter';
import { useDict } from '../../i18n.ts';
import { useTitle } from '../../nav.ts';
import { RequireRole } from '../../session.tsx';
import { FigureSource } from './FigureSource.tsx';
import { EXTRACTION_DICT } from './i18n.ts';
import { Workspace } from './Workspace.tsx';

function Desk() {
  const t = useDict(EXTRACTION_DICT);
  useTitle(t.title);
  return (
    <div className="page extraction">
      <h1 className="page-title">{t.title}</h1>
      <RequireRole roles={['analyst', 'admin']}><Workspace /></RequireRole>
    </div>
  );
}

export default function ExtractionRoutes() {
  return (
    <Switch>
      <Route path="/extraction"><Desk /></Route>
      <Route path="/extraction/trace"><FigureSource /></Route>
    </Switch>
  );
}
