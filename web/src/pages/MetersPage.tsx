import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, call, type Account, type Pdl } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { MeterSettings } from '../components/MeterSettings';
import { frDateTime } from '../format';

export function MetersPage({ me }: { me: Account }) {
  const [meters, setMeters] = useState<Pdl[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [usagePointId, setUsagePointId] = useState('');
  const [name, setName] = useState('');

  const load = useCallback(async () => {
    try {
      setMeters((await call(api.GET('/pdl'))).data);
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (work: () => Promise<unknown>) => {
    try {
      setError(null);
      await work();
      await load();
    } catch (e) {
      setError(e);
    }
  };

  async function add(event: FormEvent) {
    event.preventDefault();
    await act(() => call(api.POST('/pdl', { body: { usage_point_id: usagePointId, ...(name ? { name } : {}) } })));
    setUsagePointId('');
    setName('');
  }

  /** To Enedis' consent page, which sends the browser back to the gateway, then to the dashboard. */
  const consent = async () => {
    window.location.assign((await call(api.GET('/oauth/authorize'))).data.authorize_url);
  };

  const move = (index: number, step: number) =>
    act(async () => {
      const order = [...(meters ?? [])];
      const [moved] = order.splice(index, 1);
      order.splice(index + step, 0, moved!);
      await Promise.all(order.map((m, i) => call(api.PATCH('/pdl/{pdl_id}', { params: { path: { pdl_id: m.id } }, body: { display_order: i } }))));
    });

  return (
    <>
      <h1>Mes compteurs</h1>
      <ErrorMessage error={error} />
      {meters === null ? (
        <p>Chargement…</p>
      ) : meters.length === 0 ? (
        <p>Aucun compteur pour l’instant : ajoutez votre PDL (14 chiffres, sur votre facture).</p>
      ) : (
        <ul className="meters">
          {meters.map((meter, i) => (
            <li key={meter.id} className="card" data-testid={`meter-${meter.usage_point_id}`}>
              <a href={`#/meters/${meter.usage_point_id}`} className="meter-name">
                {meter.name ?? meter.usage_point_id}
              </a>
              <span className="muted">
                PDL {meter.usage_point_id} · {meter.subscribed_power ? `${meter.subscribed_power} kVA` : 'puissance inconnue'} ·{' '}
                {[meter.has_consumption && 'consommation', meter.has_production && 'production'].filter(Boolean).join(' + ')}
                {meter.is_active ? '' : ' · désactivé'}
              </span>
              <span className={`sync sync-${meter.sync.status}`}>
                Synchronisation : {meter.sync.status === 'ok' ? 'à jour' : meter.sync.status === 'failed' ? `échec (${meter.sync.error})` : 'en attente'}
                {meter.sync.synced_at ? ` — ${frDateTime(meter.sync.synced_at)}` : ''}
              </span>
              {meter.consent.status === 'pending' || meter.consent.status === 'expired' ? (
                <span className="consent consent-waiting" data-testid={`consent-${meter.usage_point_id}`}>
                  {meter.consent.status === 'expired' ? 'Consentement Enedis expiré' : 'En attente de votre consentement Enedis'} : ses données s’afficheront
                  une fois le consentement donné.{' '}
                  <button type="button" onClick={() => void act(consent)}>
                    Donner mon consentement
                  </button>
                </span>
              ) : meter.consent.status === 'granted' && meter.consent.expires_at ? (
                <span className="consent muted">Consentement Enedis jusqu’au {frDateTime(meter.consent.expires_at)}</span>
              ) : null}
              <MeterSettings meter={meter} meters={meters} readOnly={me.is_demo} act={(work) => void act(work)} />
              {me.is_demo ? null : (
                <div className="actions">
                  <button type="button" disabled={i === 0} onClick={() => move(i, -1)} aria-label="Monter">
                    ↑
                  </button>
                  <button type="button" disabled={i === meters.length - 1} onClick={() => move(i, 1)} aria-label="Descendre">
                    ↓
                  </button>
                  <button
                    type="button"
                    onClick={() => {
                      const renamed = window.prompt('Nouveau nom', meter.name ?? '');
                      if (renamed) void act(() => call(api.PATCH('/pdl/{pdl_id}', { params: { path: { pdl_id: meter.id } }, body: { name: renamed } })));
                    }}
                  >
                    Renommer
                  </button>
                  <button type="button" onClick={() => act(() => call(api.POST('/pdl/{pdl_id}/sync', { params: { path: { pdl_id: meter.id } } })))}>
                    Synchroniser
                  </button>
                  <button
                    type="button"
                    onClick={() =>
                      act(() => call(api.PATCH('/pdl/{pdl_id}', { params: { path: { pdl_id: meter.id } }, body: { is_active: !meter.is_active } })))
                    }
                  >
                    {meter.is_active ? 'Désactiver' : 'Activer'}
                  </button>
                  <button
                    type="button"
                    className="danger"
                    onClick={() => {
                      if (window.confirm(`Retirer le compteur ${meter.usage_point_id} et ses données en cache ?`)) {
                        void act(() => call(api.DELETE('/pdl/{pdl_id}', { params: { path: { pdl_id: meter.id } } })));
                      }
                    }}
                  >
                    Retirer
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {me.is_demo ? (
        <p className="muted">Le compte de démonstration est en lecture seule.</p>
      ) : (
        <form onSubmit={add} className="card inline">
          <h2>Ajouter un compteur</h2>
          <label>
            PDL (14 chiffres)
            <input name="usage_point_id" value={usagePointId} onChange={(e) => setUsagePointId(e.target.value)} pattern="\d{14}" required />
          </label>
          <label>
            Nom (facultatif)
            <input name="name" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />
          </label>
          <button type="submit">Ajouter</button>
        </form>
      )}
    </>
  );
}
