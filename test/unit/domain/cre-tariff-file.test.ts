import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isCreTariffFile, parseCreTariffFile } from '../../../domain/cre-tariff-file.js';
import { parseCatalogue } from '../../../domain/offer-catalogue-file.js';

const TEMPO_HEADER = [
  'DATE_DEBUT',
  'DATE_FIN',
  'P_SOUSCRITE',
  'PART_FIXE_HT',
  'PART_FIXE_TTC',
  'PART_VARIABLE_HCBleu_HT',
  'PART_VARIABLE_HCBleu_TTC',
  'PART_VARIABLE_HPBleu_HT',
  'PART_VARIABLE_HPBleu_TTC',
  'PART_VARIABLE_HCBlanc_HT',
  'PART_VARIABLE_HCBlanc_TTC',
  'PART_VARIABLE_HPBlanc_HT',
  'PART_VARIABLE_HPBlanc_TTC',
  'PART_VARIABLE_HCRouge_HT',
  'PART_VARIABLE_HCRouge_TTC',
  'PART_VARIABLE_HPRouge_HT',
  'PART_VARIABLE_HPRouge_TTC',
].join(';');
/** A row of the regulator's Tempo file: the TTC columns carry the figures, the HT ones are not read. */
const tempoRow = (from: string, to: string, kva: string, fixed: string, prices: string[]) =>
  [from, to, kva, '', fixed, ...prices.flatMap((p) => ['', p])].join(';');
const GRID_2024 = ['0,1296', '0,1609', '0,1486', '0,1894', '0,1568', '0,7562'];

describe("the regulator's Tarif Bleu files", () => {
  it('when a Tempo file is read, then each row is an EDF offer at its power, DATE_FIN the last day, the same as the shipped seed', () => {
    const text = [
      '\uFEFF' + TEMPO_HEADER,
      tempoRow('01/02/2024', '31/01/2025', '6', '157,09', GRID_2024),
      tempoRow('01/02/2024', '31/01/2025', '9', '196,32', GRID_2024),
    ].join('\r\n');
    expect(isCreTariffFile(text)).toBe(true);
    const parsed = parseCreTariffFile(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    const seed = parseCatalogue(readFileSync(new URL('../../../seeds/offers/tarif-bleu.jsonl', import.meta.url), 'utf8'));
    if (!seed.ok) throw new Error('seed');
    const shipped = seed.value.filter((e) => e.offerType === 'TEMPO');
    expect(parsed.value.map(({ source: _s, ...e }) => e)).toEqual(shipped.map(({ source: _s, ...e }) => e));
    expect(parsed.value[0]).toMatchObject({ validFrom: '2024-02-01', validTo: '2025-02-01', subscriptionMicroPerYear: 157_090_000 });
  });

  it('when Base and HPHC files are read, then their layouts are told apart by their columns', () => {
    const base = parseCreTariffFile(
      'DATE_DEBUT;DATE_FIN;P_SOUSCRITE;PART_FIXE_HT;PART_FIXE_TTC;PART_VARIABLE_HT;PART_VARIABLE_TTC\n01/02/2024;;3;;116,04;;0,2516\n',
    );
    expect(base.ok && base.value[0]).toMatchObject({ offerType: 'BASE', name: 'Tarif Bleu Base', powerKva: 3, validTo: null, prices: { base: 251_600 } });
    const hphc = parseCreTariffFile(
      'DATE_DEBUT;DATE_FIN;P_SOUSCRITE;PART_FIXE_HT;PART_FIXE_TTC;PART_VARIABLE_HC_HT;PART_VARIABLE_HC_TTC;PART_VARIABLE_HP_HT;PART_VARIABLE_HP_TTC\n01/02/2024;31/01/2025;6;;157,87;;0,2068;;0,27\n',
    );
    expect(hphc.ok && hphc.value[0]).toMatchObject({ offerType: 'HC_HP', prices: { hc: 206_800, hp: 270_000 } });
  });

  it('when rows are bad or the header is not the regulator’s, then each is named with its line, and nothing is returned', () => {
    const text = [
      TEMPO_HEADER,
      tempoRow('31/02/2024', '', '6', '157,09', GRID_2024), // 2: no such day
      tempoRow('01/02/2024', '', '7', '157,09', GRID_2024), // 3: no such power
      tempoRow('01/02/2024', '', '9', '196,32', ['0,1296', '', '0,1486', '0,1894', '0,1568', '0,7562']), // 4: a price missing
      tempoRow('01/02/2024', 'soon', '12', '200', GRID_2024), // 5: DATE_FIN unreadable
    ].join('\n');
    const parsed = parseCreTariffFile(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.map((p) => [p.line, p.field])).toEqual([
      [2, 'DATE_DEBUT'],
      [3, 'power_kva'],
      [4, 'prices.blue_hp'],
      [5, 'DATE_FIN'],
    ]);
    expect(parseCreTariffFile('DATE_DEBUT;DATE_FIN;P_SOUSCRITE\n')).toMatchObject({ ok: false, error: [{ line: 1, field: 'header' }] });
    expect(isCreTariffFile('{"provider":"EDF"}')).toBe(false);
  });
});
