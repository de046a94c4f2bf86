/** Where a tap was, as an admin reads it: a distance, an accuracy, and a map link. */

/** "85 m", "1.3 km" ("1,3 km" in Indonesian): a distance in metres as a person reads it. */
export function distanceText(metres: number, locale: string): string {
  if (metres < 1_000) return `${Math.round(metres)} m`;
  const km = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(metres / 1_000);
  return `${km} km`;
}

/** The position on OpenStreetMap, with a marker, zoomed to the street. */
export function mapUrl(lat: number, lng: number): string {
  const la = lat.toFixed(6);
  const ln = lng.toFixed(6);
  return `https://www.openstreetmap.org/?mlat=${la}&mlon=${ln}#map=18/${la}/${ln}`;
}
