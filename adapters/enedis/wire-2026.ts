import type { CustomerDataKind, CustomerDataOf } from '../../domain/customer-data.js';
import type { DateRange } from '../../domain/date-range.js';
import { KIND_SPECS, type IntervalReading, type MeteringKind } from '../../domain/metering.js';
import type { UsagePointId } from '../../domain/usage-point-id.js';
import { normaliseReadings } from './wire-readings.js';

/**
 * Data Connect 2026: `mesure_synchrone_auto/v2` for measures (reference §1.8) and per-meter customer
 * APIs with the PRM in the path. The measure shape is documented by peers; the customer answers'
 * field names are not public in full, so their mapping is kept here, in one place, and tolerant.
 */
export const V2026_METERING_PATHS: Readonly<Record<MeteringKind, string>> = {
  'consumption:daily': '/mesure_synchrone_auto/v2/consommation_quotidienne',
  'consumption:detail': '/mesure_synchrone_auto/v2/courbe_de_charge_consommation',
  'consumption:max_power': '/mesure_synchrone_auto/v2/puissance_conso_max_quotidienne',
  'production:daily': '/mesure_synchrone_auto/v2/production_quotidienne',
  'production:detail': '/mesure_synchrone_auto/v2/courbe_de_charge_production',
};

export const V2026_CUSTOMER_PATHS: Readonly<Record<CustomerDataKind, (prm: string) => string>> = {
  contract: (prm) => `/synth_contrat_auto/v1/${prm}`,
  address: (prm) => `/donnees_generales_auto/v1/${prm}`,
  customer: (prm) => `/situation_contrat_auto/v1/${prm}`,
  contact: (prm) => `/situation_contrat_auto/v1/${prm}`,
};

export const v2026MeteringQuery = (usagePointId: UsagePointId, range: DateRange) => ({
  pointId: usagePointId,
  dateDebut: range.start,
  dateFin: range.end,
});

interface V2026Measures {
  etapeMetier?: string;
  grandeur?: Array<{
    grandeurMetier?: string;
    grandeurPhysique?: string;
    unite?: string;
    points?: Array<{ v?: unknown; d?: unknown; p?: unknown; n?: unknown }>;
  }>;
}

/** Null when the body is not a 2026 measures answer. */
export function parseV2026Readings(kind: MeteringKind, body: unknown, range: DateRange): IntervalReading[] | null {
  const measures = body as V2026Measures | null;
  if (!measures || !Array.isArray(measures.grandeur)) return null;
  const direction = KIND_SPECS[kind].direction === 'production' ? 'PROD' : 'CONS';
  const series = measures.grandeur.find((g) => (g.grandeurMetier ?? direction) === direction) ?? measures.grandeur[0];
  if (!series || !Array.isArray(series.points)) return [];
  const points = series.points
    .filter((p) => typeof p?.d === 'string')
    .map((p) => ({
      value: p.v,
      date: p.d as string,
      intervalLength: typeof p.p === 'string' ? p.p : undefined,
      measureType: typeof p.n === 'string' ? p.n : undefined,
    }));
  return normaliseReadings(kind, points, range, measures.etapeMetier ?? 'BRUT', series.unite);
}

const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null);

type Loose = Record<string, unknown>;
const obj = (value: unknown): Loose => (value && typeof value === 'object' ? (value as Loose) : {});

/** A 2026 customer answer in the gateway's (v5) shape; null when it has nothing recognisable. */
export function parseV2026Customer<K extends CustomerDataKind>(kind: K, usagePointId: UsagePointId, body: unknown): CustomerDataOf<K> | null {
  const b = obj(body);
  if (Object.keys(b).length === 0) return null;
  const customerId = str(b.idClient) ?? str(obj(b.client).id) ?? usagePointId;
  const usagePoint = { usage_point_id: usagePointId, usage_point_status: 'com' as const, meter_type: str(b.typeCompteur) ?? 'AMM' };
  const date = (value: unknown) => {
    const d = str(value);
    return d === null ? '' : /[+-]\d{2}:\d{2}$/.test(d) ? d : `${d.slice(0, 10)}+01:00`;
  };
  const mapped: { [P in CustomerDataKind]: () => CustomerDataOf<P> | null } = {
    contract: () => {
      const power = obj(b.puissanceSouscrite);
      const kva = str(power.valeur) ?? str(b.puissanceSouscrite);
      if (kva === null && !b.consumption_last_activation_date) return null;
      return {
        customer: {
          customer_id: customerId,
          usage_points: [
            {
              usage_point: usagePoint,
              contracts: {
                segment: str(b.segment) ?? 'C5',
                subscribed_power: kva === null ? '' : `${kva} ${str(power.unite) ?? 'kVA'}`,
                last_activation_date: date(b.consumption_last_activation_date ?? b.dateDerniereMiseEnService),
                distribution_tariff: str(b.tarifAcheminement) ?? '',
                offpeak_hours: str(b.heuresCreuses),
                contract_type: str(b.typeContrat) ?? '',
                contract_status: str(b.etatContractuel) ?? '',
                last_distribution_tariff_change_date: date(b.dateDerniereModificationFta),
              },
            },
          ],
        },
      };
    },
    address: () => {
      const a = obj(b.adresseInstallation);
      if (Object.keys(a).length === 0) return null;
      const geo = obj(b.coordonneesGps);
      return {
        customer: {
          customer_id: customerId,
          usage_points: [
            {
              usage_point: {
                ...usagePoint,
                usage_point_addresses: {
                  street: str(a.numeroEtNomVoie),
                  locality: str(a.lieuDit),
                  postal_code: str(a.codePostal),
                  insee_code: str(a.codeInseeCommune) ?? '',
                  city: str(a.commune),
                  country: str(a.pays) ?? 'France',
                  geo_points: {
                    ...(str(geo.latitude) ? { latitude: str(geo.latitude)! } : {}),
                    ...(str(geo.longitude) ? { longitude: str(geo.longitude)! } : {}),
                  },
                },
              },
            },
          ],
        },
      };
    },
    customer: () => {
      const person = obj(b.personne);
      if (Object.keys(person).length === 0) return null;
      const identity = str(person.denominationSociale)
        ? { legal_entity: { name: str(person.denominationSociale)!, ...(str(person.siret) ? { siret_number: str(person.siret)! } : {}) } }
        : { natural_person: { title: str(person.civilite) ?? '', firstname: str(person.prenom) ?? '', lastname: str(person.nom) ?? '' } };
      return { customer: { customer_id: customerId, identity } };
    },
    contact: () => {
      const contact = obj(b.contact_data ?? b.coordonneesContact);
      if (Object.keys(contact).length === 0) return null;
      return { customer: { customer_id: customerId, contact_data: { phone: str(contact.telephone ?? contact.phone), email: str(contact.email) } } };
    },
  };
  return mapped[kind]() as CustomerDataOf<K> | null;
}

/** The usage points a 2026 consent (`autorisation_id`) grants, from `subscribed_services/v1`. */
export function parseSubscribedServices(body: unknown): string[] | null {
  const services = obj(body).serviceSouscrit;
  if (!Array.isArray(services)) return null;
  return services
    .map(obj)
    .filter((s) => ['ACTIF', 'DEMANDE'].includes(String(s.etatCode ?? '').toUpperCase()))
    .map((s) => str(s.pointId))
    .filter((id): id is string => id !== null);
}
