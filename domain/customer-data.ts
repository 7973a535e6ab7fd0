/**
 * Contract, address, identity and contact of a usage point, shaped like Enedis' v5 customer APIs
 * (reference §1.4) whatever generation they came from, so that existing Enedis clients read them
 * unchanged. A field the source does not send is null, never made up: the 2026 APIs send no
 * customer id, no usage point status and no contract status, for instance.
 */
export type CustomerDataKind = 'contract' | 'address' | 'customer' | 'contact';

export const CUSTOMER_DATA_KINDS: readonly CustomerDataKind[] = ['contract', 'address', 'customer', 'contact'];

export interface UsagePointHeader {
  readonly usage_point_id: string;
  /** v5 `com` / `no com`; not in the 2026 APIs. */
  readonly usage_point_status: string | null;
  /** `AMM` for a Linky; 2026: `comptage_auto`'s `typeComptage.code`. */
  readonly meter_type: string | null;
}

/** Which flow a contract governs: drawing from the grid, or injecting into it (2026 `Contrat GRD-A`). */
export type ContractDirection = 'consumption' | 'production';

export interface ContractTerms {
  readonly segment: string | null;
  /** `"12 kVA"`. */
  readonly subscribed_power: string | null;
  /** The day and offset as Enedis gave them: `"2018-08-31+02:00"`. */
  readonly last_activation_date: string | null;
  readonly distribution_tariff: string | null;
  /** Enedis' text, `"HC (22H00-6H00;12H00-14H00)"`. */
  readonly offpeak_hours: string | null;
  readonly contract_type: string | null;
  readonly contract_status: string | null;
  readonly last_distribution_tariff_change_date: string | null;
  /** The gateway's: absent in v5 answers, which describe the drawing contract. */
  readonly direction?: ContractDirection;
}

/** A field the gateway could not learn, and why (e.g. the off-peak hours when `comptage_auto` refused). */
export interface UnavailableField {
  readonly field: string;
  readonly reason: string;
}

export interface ContractData {
  readonly customer: {
    readonly customer_id: string | null;
    readonly usage_points: ReadonlyArray<{ readonly usage_point: UsagePointHeader; readonly contracts: ContractTerms }>;
  };
  readonly unavailable?: readonly UnavailableField[];
}

export interface UsagePointAddress {
  readonly street: string | null;
  readonly locality: string | null;
  readonly postal_code: string | null;
  readonly insee_code: string | null;
  readonly city: string | null;
  readonly country: string | null;
  readonly geo_points: { readonly latitude?: string; readonly longitude?: string; readonly altitude?: string };
  /** 2026 only. */
  readonly building?: string | null;
  readonly staircase_floor_apartment?: string | null;
}

export interface AddressData {
  readonly customer: {
    readonly customer_id: string | null;
    readonly usage_points: ReadonlyArray<{ readonly usage_point: UsagePointHeader & { readonly usage_point_addresses: UsagePointAddress } }>;
  };
}

export interface IdentityData {
  readonly customer: {
    readonly customer_id: string | null;
    readonly identity: {
      readonly natural_person?: { readonly title: string | null; readonly firstname: string | null; readonly lastname: string | null };
      readonly legal_entity?: { readonly name: string | null; readonly siret_number?: string };
    };
  };
}

export interface ContactData {
  readonly customer: {
    readonly customer_id: string | null;
    readonly contact_data: { readonly phone: string | null; readonly email: string | null; readonly landline?: string | null };
  };
}

export type CustomerDataOf<K extends CustomerDataKind> = {
  contract: ContractData;
  address: AddressData;
  customer: IdentityData;
  contact: ContactData;
}[K];

/** The contract of one direction: the 2026 injection contract for production, else the drawing one. */
export function contractFor(data: ContractData, direction: ContractDirection): ContractTerms | null {
  const entries = data.customer.usage_points.map((point) => point.contracts);
  if (direction === 'production') return entries.find((c) => c.direction === 'production') ?? null;
  return entries.find((c) => c.direction !== 'production') ?? null;
}
