/**
 * The result columns of every community as ready-made text, for the GeoJSON and CSV writers: each walking
 * distance is formatted once (0.1 m, as `roundWalkMeters`) and reused by communities.geojson, communities.csv and
 * gaps.csv. Values equal those of `resultProperties` (communityResults.ts); the tests compare the two.
 */
import { csvCell } from '../csvWrite';
import type { CommunityResultInput } from './communityResults';
import { NOT_ANALYSED_REASON, OFF_NETWORK_NOTE, coveredColumn, resultColumns, roundScore, rowOfSource, skippedNote, walkColumn } from './communityResults';

const member = (key: string): string => `,${JSON.stringify(key)}:`;

export class ResultCells {
  /** rows[src] = community index of source feature src, or -1 when skipped on import. */
  readonly rows: Int32Array;
  readonly columns: readonly string[];
  /** Walking metres per community × category as text (0.1 m), null when none within the bound. */
  private readonly walkText: (string | null)[];
  private readonly nCat: number;
  private readonly walkKeys: string[];
  private readonly coveredTrue: string[];
  private readonly coveredFalse: string[];
  private readonly modeJson: string;
  private readonly modeCsv: string;
  private readonly skippedWalkJson: string;
  private readonly skippedWalkCsv: string;

  constructor(private readonly input: CommunityResultInput) {
    const { result } = input;
    const ids = result.categoryIds;
    this.nCat = ids.length;
    this.rows = rowOfSource(input);
    this.columns = resultColumns(ids);
    const wm = result.walkMeters;
    const n = input.communities.length * this.nCat;
    this.walkText = new Array<string | null>(n);
    for (let i = 0; i < n; i++) {
      const m = wm[i];
      this.walkText[i] = Number.isFinite(m) ? String(Math.round(m * 10) / 10) : null;
    }
    this.walkKeys = ids.map((id) => member(walkColumn(id)));
    this.coveredTrue = ids.map((id) => `${member(coveredColumn(id))}true`);
    this.coveredFalse = ids.map((id) => `${member(coveredColumn(id))}false`);
    this.modeJson = JSON.stringify(result.mode);
    this.modeCsv = csvCell(result.mode);
    this.skippedWalkJson = this.walkKeys.map((k) => `${k}null`).join('') + this.coveredFalse.join('');
    this.skippedWalkCsv = ids.map(() => ',').join('') + ids.map(() => ',false').join('');
  }

  /** Walking metres of community `row` to category `k` as written (0.1 m), or null. */
  walkTextAt(row: number, k: number): string | null {
    return this.walkText[row * this.nCat + k];
  }

  /** The result members of source feature src as JSON object members, each led by a comma. */
  jsonMembers(src: number): string {
    const { result, zoning } = this.input;
    const row = this.rows[src];
    if (row < 0) {
      return `${this.skippedWalkJson},"coverage_score":null,"off_network":null,"analysis_mode":${this.modeJson},"analysis_note":${JSON.stringify(skippedNote(this.input.issues, src))}`
        + (zoning ? `,"eligible":false,"excluded_reason":${JSON.stringify(NOT_ANALYSED_REASON)},"zone_id":null` : ',"eligible":null,"excluded_reason":null,"zone_id":null');
    }
    const base = row * this.nCat;
    const covered = result.covered;
    let s = '';
    for (let k = 0; k < this.nCat; k++) s += this.walkKeys[k] + (this.walkText[base + k] ?? 'null');
    for (let k = 0; k < this.nCat; k++) s += covered[base + k] === 1 ? this.coveredTrue[k] : this.coveredFalse[k];
    const score = roundScore(result.score[row]);
    const off = result.communitySnap.offNetwork[row] === 1;
    s += `,"coverage_score":${score === null ? 'null' : String(score)},"off_network":${off ? 'true' : 'false'},"analysis_mode":${this.modeJson}`;
    s += off ? `,"analysis_note":${JSON.stringify(OFF_NETWORK_NOTE)}` : ',"analysis_note":null';
    if (!zoning) return `${s},"eligible":null,"excluded_reason":null,"zone_id":null`;
    const eligible = zoning.eligible[row] === 1;
    const reasons = zoning.reasons[row];
    s += eligible ? ',"eligible":true' : ',"eligible":false';
    s += !eligible && reasons.length ? `,"excluded_reason":${JSON.stringify(reasons.join(';'))}` : ',"excluded_reason":null';
    const zoneId = zoning.zoneIdOf[row];
    // JSON.stringify drops a member whose value is undefined; so do we.
    return zoneId === undefined ? s : `${s},"zone_id":${JSON.stringify(zoneId)}`;
  }

  /** The result cells of source feature src, comma-separated (no leading comma, no line end). */
  csvCells(src: number): string {
    const { result, zoning } = this.input;
    const row = this.rows[src];
    if (row < 0) {
      // Built with a comma before every cell, the first one cut off at the end.
      return (`${this.skippedWalkCsv},,,${this.modeCsv},${csvCell(skippedNote(this.input.issues, src))}`
        + (zoning ? `,false,${csvCell(NOT_ANALYSED_REASON)},` : ',,,')).slice(1);
    }
    const base = row * this.nCat;
    const covered = result.covered;
    let s = '';
    for (let k = 0; k < this.nCat; k++) s += `,${this.walkText[base + k] ?? ''}`;
    for (let k = 0; k < this.nCat; k++) s += covered[base + k] === 1 ? ',true' : ',false';
    const score = roundScore(result.score[row]);
    const off = result.communitySnap.offNetwork[row] === 1;
    s += `,${score === null ? '' : String(score)},${off ? 'true' : 'false'},${this.modeCsv},${off ? csvCell(OFF_NETWORK_NOTE) : ''}`;
    if (!zoning) return `${s},,,`.slice(1);
    const eligible = zoning.eligible[row] === 1;
    const reasons = zoning.reasons[row];
    return `${s},${eligible ? 'true' : 'false'},${!eligible && reasons.length ? csvCell(reasons.join(';')) : ''},${csvCell(zoning.zoneIdOf[row])}`.slice(1);
  }
}
