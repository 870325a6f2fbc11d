/**
 * Independent transverse Mercator (Krüger n-series to n⁴, as in Karney 2011 eq. 35 / the EPSG guidance note 7-2
 * "JHS" formulas) used only to check the proj4 strings in src/io/crs/epsg.ts. Written from the formulas, not
 * from proj4's code, so that an error in either shows up as a disagreement.
 */
const A = 6378137; // CGCS2000 / GRS80
const F = 1 / 298.257222101;

export function tmercForward(lonDeg: number, latDeg: number, lon0Deg: number, falseEastingM: number): [number, number] {
  const n = F / (2 - F);
  const e = Math.sqrt(F * (2 - F));
  const B = (A / (1 + n)) * (1 + n ** 2 / 4 + n ** 4 / 64);
  const h = [
    n / 2 - (2 / 3) * n ** 2 + (5 / 16) * n ** 3 + (41 / 180) * n ** 4,
    (13 / 48) * n ** 2 - (3 / 5) * n ** 3 + (557 / 1440) * n ** 4,
    (61 / 240) * n ** 3 - (103 / 140) * n ** 4,
    (49561 / 161280) * n ** 4,
  ];
  const phi = (latDeg * Math.PI) / 180;
  const dLon = ((lonDeg - lon0Deg) * Math.PI) / 180;
  const Q = Math.asinh(Math.tan(phi)) - e * Math.atanh(e * Math.sin(phi));
  const beta = Math.atan(Math.sinh(Q));
  const eta0 = Math.atanh(Math.cos(beta) * Math.sin(dLon));
  const xi0 = Math.asin(Math.sin(beta) * Math.cosh(eta0));
  let xi = xi0;
  let eta = eta0;
  for (let k = 1; k <= 4; k++) {
    xi += h[k - 1] * Math.sin(2 * k * xi0) * Math.cosh(2 * k * eta0);
    eta += h[k - 1] * Math.cos(2 * k * xi0) * Math.sinh(2 * k * eta0);
  }
  return [falseEastingM + B * eta, B * xi];
}
