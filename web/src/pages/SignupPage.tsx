import { useState, type FormEvent } from 'react';
import { api, call } from '../api';
import { CopyField } from '../components/CopyField';
import { ErrorMessage } from '../components/ErrorMessage';
import { go } from '../router';

export function SignupPage({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [credentials, setCredentials] = useState<{ client_id: string; client_secret: string; message: string } | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const { data } = await call(api.POST('/accounts/signup', { body: { email, password } }));
      setCredentials(data);
      // Signed in at once: the log-in sets the session cookie.
      await call(api.POST('/accounts/login', { body: { email, password } }));
    } catch (e) {
      setError(e);
    }
  }

  if (credentials) {
    return (
      <main className="page narrow">
        <h1>Compte créé</h1>
        <section className="card">
          <p>{credentials.message}</p>
          <CopyField label="client_id" value={credentials.client_id} />
          <CopyField label="client_secret" value={credentials.client_secret} />
          <p className="warning">Le client_secret n’est affiché qu’une fois : copiez-le maintenant.</p>
          <button
            type="button"
            onClick={async () => {
              go('/meters');
              await onSignedIn();
            }}
          >
            Continuer
          </button>
        </section>
      </main>
    );
  }

  return (
    <main className="page narrow">
      <h1>Créer un compte</h1>
      <form onSubmit={submit} className="card">
        <label>
          Email
          <input type="email" name="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required />
        </label>
        <label>
          Mot de passe
          <input type="password" name="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
          <small>8 caractères au moins, avec une majuscule, une minuscule et un chiffre.</small>
        </label>
        <button type="submit">Créer le compte</button>
        <ErrorMessage error={error} />
      </form>
      <p>
        Déjà inscrit ? <a href="#/login">Se connecter</a>
      </p>
    </main>
  );
}
