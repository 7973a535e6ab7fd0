import { useEffect, useState, type FormEvent } from 'react';
import { api, call } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { go } from '../router';

export function LoginPage({ onLoggedIn, notice }: { onLoggedIn: () => Promise<void>; notice?: unknown }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [demo, setDemo] = useState<{ email: string; password: string } | null>(null);
  const [error, setError] = useState<unknown>(notice ?? null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call(api.GET('/meta')).then((meta) => setDemo(meta.demo), setError);
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const { data } = await call(api.POST('/accounts/login', { body: { email, password } }));
      go('/meters');
      await onLoggedIn();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="page narrow">
      <h1>Connexion</h1>
      <form onSubmit={submit} className="card">
        <label>
          Email
          <input type="email" name="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required />
        </label>
        <label>
          Mot de passe
          <input type="password" name="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        <button type="submit" disabled={busy}>
          Se connecter
        </button>
        <ErrorMessage error={error} />
      </form>
      {demo ? (
        <section className="card demo">
          <p>
            Compte de démonstration : <code>{demo.email}</code> / <code>{demo.password}</code>
          </p>
          <button
            type="button"
            onClick={() => {
              setEmail(demo.email);
              setPassword(demo.password);
            }}
          >
            Utiliser le compte de démonstration
          </button>
        </section>
      ) : null}
      <p>
        Pas encore de compte ? <a href="#/signup">Créer un compte</a>
      </p>
    </main>
  );
}
