/** Small typed-array passes shared by the network, coverage and zoning builders. */

/**
 * Running sums in place: counts at index i + 1 become start offsets (counts at index i, end offsets). A function
 * of its own so V8 optimises it on its own, not with the whole of its caller (which often runs once, cold).
 */
export function prefixSums(a: Int32Array): void {
  for (let i = 0; i + 1 < a.length; i++) a[i + 1] += a[i];
}
