import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, call, type Account } from './api';
import { ErrorMessage } from './components/ErrorMessage';
import { AccountPage } from './pages/AccountPage';
import { AdminPage } from './pages/AdminPage';
import { LoginPage } from './pages/LoginPage';
import { MeterDashboard } from './pages/MeterDashboard';
import { MetersPage } from './pages/MetersPage';
import { SignupPage } from './pages/SignupPage';
import { go, useRoute } from './router';

export function App() {
  const route = useRoute();
  const [me, setMe] = useState<Account | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);

  /** Who the session cookie belongs to, if anyone: no session is no error. */
  const refresh = useCallback(async () => {
    try {
      setMe((await call(api.GET('/accounts/me'))).data);
      setError(null);
    } catch (e) {
      setMe(null);
      setError(e instanceof ApiError && e.status === 401 && e.code === 'UNAUTHORIZED' ? null : e);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const logOut = () => {
    void call(api.POST('/accounts/logout')).finally(() => {
      setMe(null);
      go('/login');
    });
  };

  if (loading) return <p className="page">Chargement…</p>;
  if (!me) {
    if (route === '/signup') return <SignupPage onSignedIn={refresh} />;
    return <LoginPage onLoggedIn={refresh} notice={error} />;
  }

  const meter = /^\/meters\/([^/]+)$/.exec(route)?.[1];
  return (
    <>
      <header className="top">
        <a href="#/meters" className="brand">
          MyElectricalData
        </a>
        <nav>
          <a href="#/meters">Compteurs</a>
          <a href="#/account">Compte</a>
          {me.is_admin || me.role.name === 'moderator' ? <a href="#/admin">Administration</a> : null}
          <button type="button" className="link" onClick={logOut}>
            Se déconnecter
          </button>
        </nav>
      </header>
      <main className="page">
        <ErrorMessage error={error} />
        {meter ? (
          <MeterDashboard id={decodeURIComponent(meter)} />
        ) : route === '/account' ? (
          <AccountPage me={me} onLoggedOut={logOut} />
        ) : route === '/admin' ? (
          <AdminPage me={me} />
        ) : (
          <MetersPage me={me} />
        )}
      </main>
    </>
  );
}
