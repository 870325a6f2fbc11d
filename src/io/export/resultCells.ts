/**
 * The result columns of every community as ready-made text, for the GeoJSON and CSV writers: each walking
 * distance is formatted once (0.1 m, as `roundWalkMeters`) into one byte pool and copied from there by
 * communities.geojson, communities.csv and gaps.csv. Values equal those of `resultProperties`
 * (communityResults.ts); the tests compare the two.
 */
import { csvCell } from '../csvWrite';
import type { ByteChunks } from './byteChunks';
import { utf8 } from './byteChunks';
import { WalkTexts } from './walkText';
import type { CommunityResultInput } from './communityResults';
import { NOT_ANALYSED_REASON, OFF_NETWORK_NOTE, coveredColumn, resultColumns, roundScore, rowOfSource, skippedNote, walkColumn } from './communityResults';

const member = (key: string): string => `,${JSON.stringify(key)}:`;

export class ResultCells {
  /** rows[src] = community index of source feature src, or -1 when skipped on import. */
  readonly rows: Int32Array;
  readonly columns: readonly string[];
  /** Walking metres per community × category as text (0.1 m), none when none within the bound. */
  private readonly walks: WalkTexts;
  private readonly nCat: number;
  /** `,"walk_m_<category>":` and the same with `null`, as UTF-8. */
  private readonly walkKeys: Uint8Array[];
  private readonly walkNulls: Uint8Array[];
  private readonly coveredTrue: string[];
  private readonly coveredFalse: string[];
  private readonly modeJson: string;
  private readonly modeCsv: string;
  private readonly skippedWalkJson: string;
  private readonly skippedWalkCsv: string;
  private readonly coveredJsonByMask = new Map<number, string>();
  private readonly coveredCsvByMask = new Map<number, string>();
  /** off_network, analysis_mode and analysis_note, the same for every community on (off) the network. */
  private readonly offTailJson: string;
  private readonly onTailJson: string;
  private readonly offTailCsv: string;
  private readonly onTailCsv: string;

  constructor(private readonly input: CommunityResultInput) {
    const { result } = input;
    const ids = result.categoryIds;
    this.nCat = ids.length;
    this.rows = rowOfSource(input);
    this.columns = resultColumns(ids);
    this.walks = new WalkTexts(result.walkMeters, input.communities.length * this.nCat);
    this.walkKeys = ids.map((id) => utf8(member(walkColumn(id))));
    this.walkNulls = ids.map((id) => utf8(`${member(walkColumn(id))}null`));
    this.coveredTrue = ids.map((id) => `${member(coveredColumn(id))}true`);
    this.coveredFalse = ids.map((id) => `${member(coveredColumn(id))}false`);
    this.modeJson = JSON.stringify(result.mode);
    this.modeCsv = csvCell(result.mode);
    this.skippedWalkJson = ids.map((id) => `${member(walkColumn(id))}null`).join('') + this.coveredFalse.join('');
    this.skippedWalkCsv = ids.map(() => ',').join('') + ids.map(() => ',false').join('');
    this.offTailJson = `,"off_network":true,"analysis_mode":${this.modeJson},"analysis_note":${JSON.stringify(OFF_NETWORK_NOTE)}`;
    this.onTailJson = `,"off_network":false,"analysis_mode":${this.modeJson},"analysis_note":null`;
    this.offTailCsv = `,true,${this.modeCsv},${csvCell(OFF_NETWORK_NOTE)}`;
    this.onTailCsv = `,false,${this.modeCsv},`;
  }

  /** Walking metres of community `row` to category `k` as written (0.1 m), or null. */
  walkTextAt(row: number, k: number): string | null {
    return this.walks.textAt(row * this.nCat + k);
  }

  /** The walking metres of community `row` to category `k` as written (nothing when null). */
  writeWalk(row: number, k: number, out: ByteChunks): void {
    this.walks.write(row * this.nCat + k, out);
  }

  /**
   * The covered_<category> members (JSON) or cells (CSV) of one community, each led by a comma. Communities share
   * few coverage patterns: the text is made once per pattern (one piece instead of 19 per row).
   */
  private coveredMembers(covered: Uint8Array, base: number, json: boolean): string {
    const n = this.nCat;
    if (n > 30) return this.coveredText(covered, base, json);
    let mask = 0;
    for (let k = 0; k < n; k++) if (covered[base + k] === 1) mask |= 1 << k;
    const cache = json ? this.coveredJsonByMask : this.coveredCsvByMask;
    let text = cache.get(mask);
    if (text === undefined) {
      text = this.coveredText(covered, base, json);
      cache.set(mask, text);
    }
    return text;
  }

  private coveredText(covered: Uint8Array, base: number, json: boolean): string {
    let s = '';
    for (let k = 0; k < this.nCat; k++) {
      const yes = covered[base + k] === 1;
      s += json ? (yes ? this.coveredTrue[k] : this.coveredFalse[k]) : (yes ? ',true' : ',false');
    }
    return s;
  }

  /** The result members of source feature src as JSON object members, each led by a comma. */
  writeJson(src: number, out: ByteChunks): void {
    const { result, zoning } = this.input;
    const row = this.rows[src];
    if (row < 0) {
      out.text(this.skippedWalkJson);
      out.text(`,"coverage_score":null,"off_network":null,"analysis_mode":${this.modeJson},"analysis_note":`);
      out.text(JSON.stringify(skippedNote(this.input.issues, src)));
      out.text(zoning ? `,"eligible":false,"excluded_reason":${JSON.stringify(NOT_ANALYSED_REASON)},"zone_id":null` : ',"eligible":null,"excluded_reason":null,"zone_id":null');
      return;
    }
    const base = row * this.nCat;
    const covered = result.covered;
    const walks = this.walks;
    for (let k = 0; k < this.nCat; k++) {
      if (walks.has(base + k)) {
        const key = this.walkKeys[k];
        out.copy(key, 0, key.length);
        walks.write(base + k, out);
      } else {
        const key = this.walkNulls[k];
        out.copy(key, 0, key.length);
      }
    }
    out.text(this.coveredMembers(covered, base, true));
    const score = roundScore(result.score[row]);
    const off = result.communitySnap.offNetwork[row] === 1;
    out.text(',"coverage_score":');
    out.text(score === null ? 'null' : String(score));
    out.text(off ? this.offTailJson : this.onTailJson);
    if (!zoning) {
      out.text(',"eligible":null,"excluded_reason":null,"zone_id":null');
      return;
    }
    const eligible = zoning.eligible[row] === 1;
    const reasons = zoning.reasons[row];
    out.text(eligible ? ',"eligible":true' : ',"eligible":false');
    if (!eligible && reasons.length) {
      out.text(',"excluded_reason":');
      out.text(JSON.stringify(reasons.join(';')));
    } else {
      out.text(',"excluded_reason":null');
    }
    const zoneId = zoning.zoneIdOf[row];
    // JSON.stringify drops a member whose value is undefined; so do we.
    if (zoneId === undefined) return;
    out.text(',"zone_id":');
    out.text(zoneId === null ? 'null' : JSON.stringify(zoneId));
  }

  /** The result cells of source feature src, each led by a comma (the caller writes at least one cell before). */
  writeCsv(src: number, out: ByteChunks): void {
    const { result, zoning } = this.input;
    const row = this.rows[src];
    if (row < 0) {
      out.text(this.skippedWalkCsv);
      out.text(`,,,${this.modeCsv},`);
      out.text(csvCell(skippedNote(this.input.issues, src)));
      out.text(zoning ? `,false,${csvCell(NOT_ANALYSED_REASON)},` : ',,,');
      return;
    }
    const base = row * this.nCat;
    const covered = result.covered;
    const walks = this.walks;
    for (let k = 0; k < this.nCat; k++) {
      out.byte(44);
      walks.write(base + k, out);
    }
    out.text(this.coveredMembers(covered, base, false));
    const score = roundScore(result.score[row]);
    const off = result.communitySnap.offNetwork[row] === 1;
    out.text(',');
    if (score !== null) out.text(String(score));
    out.text(off ? this.offTailCsv : this.onTailCsv);
    if (!zoning) {
      out.text(',,,');
      return;
    }
    const eligible = zoning.eligible[row] === 1;
    const reasons = zoning.reasons[row];
    out.text(eligible ? ',true,' : ',false,');
    if (!eligible && reasons.length) out.text(csvCell(reasons.join(';')));
    out.text(',');
    out.text(csvCell(zoning.zoneIdOf[row]));
  }
}
