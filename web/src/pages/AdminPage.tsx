import { useCallback, useEffect, useState } from 'react';
import { api, call, type Account } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';

type Stats = Awaited<ReturnType<typeof loadStats>>;
const loadStats = () => call(api.GET('/admin/stats')).then((r) => r.data);

export function AdminPage({ me }: { me: Account }) {
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [users, setUsers] = useState<{ items: Account[]; total: number; per_page: number } | null>(null);
  const [stats, setStats] = useState<Stats | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [list, figures] = await Promise.all([
        call(api.GET('/admin/users', { params: { query: { page, per_page: 20, ...(search ? { search } : {}) } } })),
        loadStats(),
      ]);
      setUsers(list.data);
      setStats(figures);
    } catch (e) {
      setError(e);
    }
  }, [page, search]);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (work: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await work();
      setNotice(done);
      await load();
    } catch (e) {
      setError(e);
    }
  };
  const target = (id: string) => ({ params: { path: { user_id: id } } });

  return (
    <>
      <h1>Administration</h1>
      <ErrorMessage error={error} />
      {notice ? <p className="notice">{notice}</p> : null}
      {stats ? (
        <section className="card stats">
          <p>
            Comptes : {stats.users.total} ({stats.users.active} actifs, {stats.users.verified} vérifiés, {stats.users.admins} admins) · Compteurs :{' '}
            {stats.meters.total} · Aujourd’hui : {stats.requests_today.cached} requêtes servies par le cache, {stats.requests_today.uncached} avec Enedis,{' '}
            {stats.upstream_calls_today} appels à Enedis
          </p>
        </section>
      ) : null}
      <section className="card">
        <label>
          Rechercher par email
          <input
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setPage(1);
            }}
          />
        </label>
        <table className="users">
          <thead>
            <tr>
              <th>Email</th>
              <th>Rôle</th>
              <th>État</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>
            {users?.items.map((user) => (
              <tr key={user.id}>
                <td>{user.email}</td>
                <td>
                  <select
                    value={user.role.name}
                    disabled={!me.is_admin || user.id === me.id}
                    onChange={(e) =>
                      act(
                        () => call(api.PATCH('/admin/users/{user_id}', { ...target(user.id), body: { role: e.target.value as Account['role']['name'] } })),
                        'Rôle changé.',
                      )
                    }
                  >
                    <option value="visitor">visiteur</option>
                    <option value="moderator">modérateur</option>
                    <option value="admin">admin</option>
                  </select>
                </td>
                <td>{user.is_active ? 'actif' : 'désactivé'}</td>
                <td className="actions">
                  <button
                    type="button"
                    disabled={!me.is_admin || user.id === me.id}
                    onClick={() =>
                      act(() => call(api.PATCH('/admin/users/{user_id}', { ...target(user.id), body: { is_active: !user.is_active } })), 'Compte mis à jour.')
                    }
                  >
                    {user.is_active ? 'Désactiver' : 'Activer'}
                  </button>
                  <button type="button" onClick={() => act(() => call(api.POST('/admin/users/{user_id}/reset-quota', target(user.id))), 'Quota remis à zéro.')}>
                    Remettre le quota à zéro
                  </button>
                  <button type="button" onClick={() => act(() => call(api.DELETE('/admin/users/{user_id}/cache', target(user.id))), 'Cache vidé.')}>
                    Vider le cache
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {users ? (
          <div className="pager">
            <button type="button" disabled={page === 1} onClick={() => setPage(page - 1)}>
              Précédent
            </button>
            <span>
              Page {page} / {Math.max(1, Math.ceil(users.total / users.per_page))}
            </span>
            <button type="button" disabled={page * users.per_page >= users.total} onClick={() => setPage(page + 1)}>
              Suivant
            </button>
          </div>
        ) : null}
      </section>
    </>
  );
}
