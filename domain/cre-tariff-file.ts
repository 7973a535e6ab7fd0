import { addDays, parseLocalDate, type LocalDate } from './local-date.js';
import { wholeFile, type CatalogueProblem } from './offer-catalogue-file.js';
import { parseOfferEntry, type OfferEntry, type OfferType } from './offers.js';
import type { Result } from './result.js';

/** The regulated offers the regulator's files price, by the columns that tell them apart. */
const LAYOUTS: ReadonlyArray<{ type: OfferType; name: string; prices: Readonly<Record<string, string>> }> = [
  {
    type: 'TEMPO',
    name: 'Tarif Bleu Tempo',
    prices: {
      blue_hc: 'PART_VARIABLE_HCBLEU_TTC',
      blue_hp: 'PART_VARIABLE_HPBLEU_TTC',
      white_hc: 'PART_VARIABLE_HCBLANC_TTC',
      white_hp: 'PART_VARIABLE_HPBLANC_TTC',
      red_hc: 'PART_VARIABLE_HCROUGE_TTC',
      red_hp: 'PART_VARIABLE_HPROUGE_TTC',
    },
  },
  { type: 'HC_HP', name: 'Tarif Bleu Heures Creuses', prices: { hc: 'PART_VARIABLE_HC_TTC', hp: 'PART_VARIABLE_HP_TTC' } },
  { type: 'BASE', name: 'Tarif Bleu Base', prices: { base: 'PART_VARIABLE_TTC' } },
];

const SOURCE = "CRE, « Historique des tarifs réglementés de vente d'électricité pour les consommateurs résidentiels » (data.gouv.fr)";

/** Whether a text is one of the regulator's tariff files (its header starts with DATE_DEBUT). */
export const isCreTariffFile = (text: string): boolean => /^\uFEFF?DATE_DEBUT[;,]/.test(text.trimStart());

/** `DD/MM/YYYY` (or `YYYY-MM-DD`, as a few old rows are) to a day. */
function day(raw: string): LocalDate | null {
  const text = raw.trim();
  const french = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  const parsed = parseLocalDate(french ? `${french[3]}-${french[2]}-${french[1]}` : text, 'date');
  return parsed.ok ? parsed.value : null;
}

/** `0,2516` to `0.2516`. */
const decimal = (raw: string | undefined) => (raw ?? '').trim().replace(',', '.');

/**
 * The regulator's residential Tarif Bleu files as data.gouv.fr publishes them (`Option_Base.csv`,
 * `Option_HPHC.csv`, `Option_Tempo.csv`): `;`-separated, a header line, dates `DD/MM/YYYY`,
 * decimal commas, the fixed part in € per year and the energy prices in € per kWh, taxes included
 * (`*_TTC` columns). `DATE_FIN` is the last day a row applies (empty: still in force). Each row
 * becomes an EDF offer at its power; every bad row is named with its line.
 */
export function parseCreTariffFile(text: string): Result<OfferEntry[], CatalogueProblem[]> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const separator = lines[0]!.includes(';') ? ';' : ',';
  const header = lines[0]!.split(separator).map((h) => h.trim().toUpperCase());
  const column = (name: string) => header.indexOf(name);
  const layout = LAYOUTS.find((l) => Object.values(l.prices).every((c) => column(c) >= 0));
  const missing = ['DATE_DEBUT', 'DATE_FIN', 'P_SOUSCRITE', 'PART_FIXE_TTC'].filter((c) => column(c) < 0);
  if (!layout || missing.length > 0) {
    const wanted = missing.length > 0 ? missing.join(', ') : 'the TTC price columns of Base, HPHC or Tempo';
    return { ok: false, error: [{ line: 1, field: 'header', message: `not a CRE tariff file: no ${wanted}` }] };
  }
  const entries: Array<{ line: number; entry: OfferEntry }> = [];
  const problems: CatalogueProblem[] = [];
  lines.slice(1).forEach((raw, index) => {
    const line = index + 2;
    if (raw.trim() === '') return;
    const cells = raw.split(separator);
    const cell = (name: string) => cells[column(name)] ?? '';
    const from = day(cell('DATE_DEBUT'));
    const last = cell('DATE_FIN').trim() === '' ? null : day(cell('DATE_FIN'));
    if (!from) return void problems.push({ line, field: 'DATE_DEBUT', message: 'DATE_DEBUT is a day, DD/MM/YYYY' });
    if (cell('DATE_FIN').trim() !== '' && !last) return void problems.push({ line, field: 'DATE_FIN', message: 'DATE_FIN is a day, DD/MM/YYYY, or empty' });
    const entry = parseOfferEntry({
      provider: 'EDF',
      provider_website: 'https://particulier.edf.fr',
      name: layout.name,
      offer_type: layout.type,
      power_kva: Number(cell('P_SOUSCRITE').trim()),
      valid_from: from,
      valid_to: last ? addDays(last, 1) : null,
      subscription_eur_per_year: decimal(cell('PART_FIXE_TTC')),
      prices: Object.fromEntries(Object.entries(layout.prices).map(([slot, name]) => [slot, decimal(cell(name))])),
      source: SOURCE,
    });
    if (entry.ok) entries.push({ line, entry: entry.value });
    else problems.push({ line, field: entry.error.field, message: entry.error.message });
  });
  return wholeFile(entries, problems);
}
