import { useEffect, useState, type FormEvent } from 'react';
import { api, call, type Account, type Usage } from '../api';
import { CopyField } from '../components/CopyField';
import { ErrorMessage } from '../components/ErrorMessage';

export function AccountPage({ me, onLoggedOut }: { me: Account; onLoggedOut: () => void }) {
  const [secret, setSecret] = useState<string | null>(null);
  const [usage, setUsage] = useState<Usage | null>(null);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    call(api.GET('/accounts/usage')).then((r) => setUsage(r.data), setError);
  }, []);

  const attempt = async (work: () => Promise<void>) => {
    setError(null);
    setNotice(null);
    try {
      await work();
    } catch (e) {
      setError(e);
    }
  };

  const changePassword = (event: FormEvent) => {
    event.preventDefault();
    void attempt(async () => {
      const { data } = await call(api.POST('/accounts/change-password', { body: { current_password: current, new_password: next } }));
      setCurrent('');
      setNext('');
      setNotice('Mot de passe changé.');
    });
  };

  return (
    <>
      <h1>Mon compte</h1>
      <ErrorMessage error={error} />
      {notice ? <p className="notice">{notice}</p> : null}
      <section className="card">
        <h2>Identifiants d’API</h2>
        <p>{me.email}</p>
        <CopyField label="client_id" value={me.client_id} />
        {secret ? <CopyField label="client_secret" value={secret} /> : <p className="muted">Le client_secret n’est montré qu’à sa création.</p>}
        <button
          type="button"
          disabled={me.is_demo}
          onClick={() => {
            if (!window.confirm('L’ancien secret cessera de fonctionner et votre cache sera vidé. Continuer ?')) return;
            void attempt(async () => {
              const { data } = await call(api.POST('/accounts/regenerate-secret'));
              setSecret(data.client_secret);
            });
          }}
        >
          Régénérer le secret
        </button>
      </section>
      {usage ? (
        <section className="card">
          <h2>Quota du jour ({usage.date})</h2>
          <p>
            {usage.unlimited
              ? 'Illimité.'
              : `Depuis le cache : ${usage.cached.used} / ${usage.cached.limit} · Avec appel à Enedis : ${usage.uncached.used} / ${usage.uncached.limit}`}
          </p>
        </section>
      ) : null}
      <form className="card" onSubmit={changePassword}>
        <h2>Changer de mot de passe</h2>
        <label>
          Mot de passe actuel
          <input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} required />
        </label>
        <label>
          Nouveau mot de passe
          <input type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} required />
        </label>
        <button type="submit" disabled={me.is_demo}>
          Changer
        </button>
      </form>
      <section className="card">
        <h2>Supprimer le compte</h2>
        <p>Vos compteurs, jetons et données en cache seront effacés.</p>
        <button
          type="button"
          className="danger"
          disabled={me.is_demo}
          onClick={() => {
            if (!window.confirm('Supprimer définitivement ce compte ?')) return;
            void attempt(async () => {
              await call(api.DELETE('/accounts/me'));
              onLoggedOut();
            });
          }}
        >
          Supprimer mon compte
        </button>
      </section>
    </>
  );
}
